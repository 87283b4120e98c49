package dev.authpack.rendering;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import org.apache.pdfbox.io.ScratchFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The folder where this instance's PDF work and uploads spill to disk. PDFBox keeps the pages of a
 * packet being built, and of each upload being checked or merged, in scratch files, and the servlet
 * container writes each uploaded file to disk while it is read: they hold patient data. A service
 * that stops deletes them; one that is killed (SIGKILL, a crash, or the JVM's own exit when it runs
 * out of memory, {@code -XX:+ExitOnOutOfMemoryError}) does not, and in the shared temp directory
 * nothing ever would (a soak found 147 such files, 10 MB, in the test machine's /tmp, left by killed
 * JVMs: PDFBox scratch files of packets and the container's copies of uploaded chart notes).
 *
 * <p>So each running instance works in a folder of its own under {@code authpack.scratch.dir}, and
 * holds a lock on the file {@code <folder>.lock} beside it for as long as it runs. At start-up it
 * deletes every other instance's folder whose lock it can take: the operating system releases a
 * process's locks however it ended, so a taken lock means that instance is gone, and a lock held
 * means it is still at work (several instances may share the folder).
 *
 * <p>The lock belongs to the JVM, so the folder does too: Spring contexts opened in one JVM (tests
 * start several) share one folder per root, deleted when the last of them closes, and PDF scratch
 * files go to the folder of the root opened last that is still open.
 */
public final class ScratchSpace implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScratchSpace.class);
    private static final String LOCK = ".lock";

    /** This JVM's folder under each root in use, the root opened last at the end. */
    private static final Map<Path, Folder> OPEN = new LinkedHashMap<>();
    /** The folder PDF scratch files go to; null when none is open (PDFBox's default then: java.io.tmpdir). */
    private static volatile File current;

    private final Folder folder;
    private boolean closed;

    private ScratchSpace(Folder folder) {
        this.folder = folder;
    }

    /**
     * This JVM's folder under {@code root} (made if absent); the first to open it deletes, before, the
     * folders of instances no longer running. PDF scratch files go there from now on.
     */
    public static ScratchSpace open(Path root) {
        Path key = root.toAbsolutePath().normalize();
        synchronized (OPEN) {
            Folder folder = OPEN.remove(key);
            if (folder == null) {
                folder = Folder.take(key);
            }
            folder.users++;
            OPEN.put(key, folder);
            current = folder.dir.toFile();
            return new ScratchSpace(folder);
        }
    }

    /** This instance's folder: uploads being read and PDF scratch files. */
    public Path directory() {
        return folder.dir;
    }

    /**
     * A PDFBox stream cache in scratch files of the running instance's folder: what
     * {@code IOUtils.createTempFileOnlyStreamCache()} does, in that folder instead of the shared temp directory.
     */
    public static StreamCacheCreateFunction streamCache() {
        File dir = current;
        return () -> new ScratchFile(MemoryUsageSetting.setupTempFileOnly().setTempDir(ensured(dir)));
    }

    /** Makes the folder again if it was deleted under the running instance ({@link #ensured}). */
    public void ensureFolder() {
        ensured(folder.dir.toFile());
    }

    /**
     * The folder, made again, owner-only as at start, if it was deleted under the running instance (a temp
     * folder cleaner such as systemd-tmpfiles, an operator): without it PDFBox built PDFs in memory, and the
     * container made the folder again readable by every user to write an upload with patient data into it
     * (disk-fault audit, session 25).
     */
    static File ensured(File dir) {
        if (dir != null && !dir.isDirectory()) {
            try {
                Files.createDirectories(dir.toPath().getParent());
                ownerOnly(dir.toPath());
                log.warn("The scratch folder {} was deleted while the service ran; it was made again", dir);
            } catch (java.nio.file.FileAlreadyExistsException madeMeanwhile) {
                // another request made it first
            } catch (IOException e) {
                log.warn("The scratch folder {} was deleted and cannot be made again: {}", dir,
                        e.getClass().getSimpleName());
            }
        }
        return dir;
    }

    /** A stopping instance deletes its folder once no context of its JVM uses it (files still open go with it). */
    @Override
    public void close() {
        synchronized (OPEN) {
            if (closed) {
                return;
            }
            closed = true;
            if (--folder.users > 0) {
                return;
            }
            OPEN.remove(folder.root);
            Folder latest = null;
            for (Folder f : OPEN.values()) {
                latest = f;
            }
            current = latest == null ? null : latest.dir.toFile();
            folder.delete();
        }
    }

    /**
     * The folder, open to the service's own user only where the file system has POSIX permissions:
     * PDFBox and the container create their files with the process's umask (readable by all, often),
     * and the default root is in the shared temp directory.
     */
    private static Path ownerOnly(Path dir) throws IOException {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createDirectory(dir);
        }
        return Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    /** One folder with its lock, held while any context of this JVM uses it. */
    private static final class Folder {

        final Path root;
        final Path dir;
        final FileChannel lockChannel;
        final FileLock lock;
        int users;

        private Folder(Path root, Path dir, FileChannel lockChannel, FileLock lock) {
            this.root = root;
            this.dir = dir;
            this.lockChannel = lockChannel;
            this.lock = lock;
        }

        static Folder take(Path root) {
            try {
                Files.createDirectories(root);
                String name = UUID.randomUUID().toString();
                // the lock first, then the folder: another instance sweeping meanwhile sees a held lock
                FileChannel channel = FileChannel.open(root.resolve(name + LOCK), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    throw new IOException("the new lock file " + name + LOCK + " is locked by another process");
                }
                Folder folder = new Folder(root, ownerOnly(root.resolve(name)), channel, lock);
                int removed = folder.removeLeftovers();
                if (removed > 0) {
                    log.info("Deleted the scratch files of {} instance(s) that ended without cleaning up, in {}",
                            removed, root);
                }
                return folder;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a scratch folder in " + root + " (authpack.scratch.dir)", e);
            }
        }

        /** The folders of instances whose lock can be taken: deleted, with their lock files. */
        int removeLeftovers() throws IOException {
            List<Path> locks;
            try (Stream<Path> files = Files.list(root)) {
                locks = files.filter(p -> p.getFileName().toString().endsWith(LOCK) && !p.equals(lockFile())).toList();
            }
            int removed = 0;
            for (Path other : locks) {
                if (removeIfAbandoned(other)) {
                    removed++;
                }
            }
            return removed;
        }

        private boolean removeIfAbandoned(Path otherLock) {
            try (FileChannel channel = FileChannel.open(otherLock, StandardOpenOption.WRITE)) {
                FileLock taken = channel.tryLock();
                if (taken == null) {
                    return false; // another process holds it: that instance is running
                }
                String name = otherLock.getFileName().toString();
                FileSystemUtils.deleteRecursively(root.resolve(name.substring(0, name.length() - LOCK.length())));
                Files.deleteIfExists(otherLock);
                return true;
            } catch (OverlappingFileLockException heldHere) {
                return false; // this JVM holds it (a folder under another spelling of the root)
            } catch (NoSuchFileException goneMeanwhile) {
                return false; // another instance swept it first
            } catch (IOException e) {
                log.warn("Could not delete the scratch folder of a stopped instance ({}): {}", otherLock.getFileName(),
                        e.getClass().getSimpleName());
                return false;
            }
        }

        private Path lockFile() {
            return root.resolve(dir.getFileName() + LOCK);
        }

        void delete() {
            try {
                FileSystemUtils.deleteRecursively(dir);
                lock.release();
                lockChannel.close();
                Files.deleteIfExists(lockFile());
            } catch (IOException e) {
                log.warn("Could not delete the scratch folder {}: {}", dir, e.getClass().getSimpleName());
            }
        }
    }
}

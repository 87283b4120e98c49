package dev.authpack.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A killed instance's scratch folder (chart notes being uploaded, pages of a packet being built) is
 * deleted by the next instance to start, and a running instance's never is: the instances are real
 * JVMs, the kill is SIGKILL, so nothing of the killed one ran to clean up.
 *
 * <p>Isolated: opening a scratch space points every PDF this JVM builds at it, and closing it deletes the
 * folder. A class rendering beside it lost its scratch file mid-page (ci82, EstimatePdfTest).
 */
@Isolated
class ScratchSpaceTest {

    @TempDir
    Path root;

    @Test
    void theNextStartDeletesTheFolderOfAKilledInstanceAndKeepsARunningOnes() throws Exception {
        Process other = Holder.start(root);
        try {
            Path folder = Holder.awaitFolder(other);
            assertThat(folder.resolve("upload_notes.tmp")).exists();

            try (ScratchSpace meanwhile = ScratchSpace.open(root)) {
                assertThat(folder.resolve("upload_notes.tmp")).as("a running instance's files stay").exists();
            }

            other.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(folder).as("left behind by the kill").exists();

            try (ScratchSpace next = ScratchSpace.open(root)) {
                assertThat(folder).doesNotExist();
                assertThat(names(root)).containsExactlyInAnyOrder(next.directory().getFileName().toString(),
                        next.directory().getFileName() + ".lock");
            }
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aStoppedInstanceLeavesNothing() throws IOException {
        try (ScratchSpace space = ScratchSpace.open(root)) {
            Files.writeString(space.directory().resolve("upload_notes.tmp"), "chart notes");
        }
        assertThat(names(root)).isEmpty();
    }

    @Test
    void onlyTheServicesOwnUserCanOpenTheFolder() throws IOException {
        try (ScratchSpace space = ScratchSpace.open(root)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(space.directory())))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void contextsOfOneJvmShareItsFolderUntilTheLastCloses() throws IOException {
        ScratchSpace first = ScratchSpace.open(root);
        try (ScratchSpace second = ScratchSpace.open(root)) {
            assertThat(second.directory()).isEqualTo(first.directory());
            first.close();
            first.close(); // twice changes nothing: the second context still uses the folder
            assertThat(second.directory()).isDirectory();
        }
        assertThat(names(root)).isEmpty();
    }

    @Test
    void pdfScratchFilesGoToTheLatestInstancesFolder() throws IOException {
        try (ScratchSpace space = ScratchSpace.open(root);
             var cache = ScratchSpace.streamCache().create();
             var buffer = cache.createBuffer()) {
            buffer.write(new byte[100_000]);
            try (Stream<Path> files = Files.list(space.directory())) {
                assertThat(files.map(p -> p.getFileName().toString())).singleElement().asString().startsWith("PDFBox");
            }
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** Another instance: a JVM of its own that takes a scratch folder, writes an upload into it and waits. */
    static final class Holder {

        public static void main(String[] args) throws Exception {
            ScratchSpace space = ScratchSpace.open(Path.of(args[0]));
            Files.writeString(space.directory().resolve("upload_notes.tmp"), "chart notes");
            System.out.println(space.directory());
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }

        static Process start(Path root) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Holder.class.getName(),
                    root.toString()).redirectErrorStream(true).start();
        }

        static Path awaitFolder(Process p) throws IOException {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("/")) {
                    return Path.of(line);
                }
            }
            throw new IllegalStateException("the other instance ended before taking its folder");
        }
    }
}

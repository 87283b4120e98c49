package dev.authpack.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Instances behind one load balancer must read the same business content, or one accepts a case
 * whose policy another does not know. Each logs one line at start-up naming the content it read:
 * the operator compares the lines of all instances instead of diffing folders.
 */
@Component
class TemplatesFingerprint {

    private static final Logger log = LoggerFactory.getLogger(TemplatesFingerprint.class);

    private final TemplatesProperties templates;

    TemplatesFingerprint(TemplatesProperties templates) {
        this.templates = templates;
    }

    @EventListener(ApplicationReadyEvent.class)
    void logContent() {
        Path dir = templates.dir();
        List<Path> files = files(dir);
        log.info("Business content: {} files in {}, fingerprint {} (the same on every instance that shares a database)",
                files.size(), dir.toAbsolutePath().normalize(), of(dir, files));
    }

    /** SHA-256 over each file's path relative to the folder and its bytes, in path order; the first 16 hex digits. */
    static String of(Path dir, List<Path> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                String name = dir.relativize(file).toString().replace('\\', '/');
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                byte[] bytes = Files.readAllBytes(file);
                sha.update(Long.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) 0);
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    /** Regular files under the folder, hidden ones (editor swap files, .git) left out, sorted by path. */
    static List<Path> files(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).filter(f -> !isHidden(dir.relativize(f))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}

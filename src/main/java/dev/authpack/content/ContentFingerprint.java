package dev.authpack.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A fingerprint of some folders of {@code templates/}, computed as the start-up log line's
 * ({@code TemplatesFingerprint}): each file's path and bytes, hidden files left out. A missing folder counts as empty.
 */
public final class ContentFingerprint {

    private ContentFingerprint() {
    }

    /** The first 16 hex digits of the SHA-256 over the files of {@code folders} under {@code templatesDir}. */
    public static String of(Path templatesDir, List<String> folders) {
        List<Path> files = folders.stream().map(templatesDir::resolve).filter(Files::isDirectory)
                .flatMap(folder -> TemplatesFingerprint.files(folder).stream()).sorted().toList();
        return TemplatesFingerprint.of(templatesDir, files);
    }
}

package dev.authpack.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Copies of the shipped {@code templates/} (or a part of it) that a test may edit without touching the real one. */
public final class Folders {

    /** Policy, drug and code files: what a test of the YAML content needs. */
    public static final Predicate<Path> YAML = file -> file.toString().matches(".*\\.ya?ml");

    private Folders() {
    }

    /** Every folder under {@code from} and every file in them, into {@code to}; returns {@code to}. */
    public static Path copy(Path from, Path to) throws IOException {
        return copy(from, to, file -> true);
    }

    /** Every folder under {@code from} and the files {@code keep} accepts, into {@code to}; returns {@code to}. */
    public static Path copy(Path from, Path to, Predicate<Path> keep) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (keep.test(source)) {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }
}

package dev.authpack.policy;

import java.nio.file.Path;

/**
 * A template file that cannot be used. Thrown while the application starts, so a bad edit stops
 * start-up with the file and the problem instead of surfacing later as a wrong report.
 */
public class TemplateException extends RuntimeException {

    private final transient Path file;

    public TemplateException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public TemplateException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}

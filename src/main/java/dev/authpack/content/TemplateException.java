package dev.authpack.content;

import java.nio.file.Path;

/**
 * A template file that cannot be used. Thrown while the application starts, so a bad edit stops
 * start-up with the file and the problem instead of surfacing later as a wrong report. An
 * IllegalStateException: the application cannot start in this state.
 */
public class TemplateException extends IllegalStateException {

    private final transient Path file;
    private final String problem;

    public TemplateException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public TemplateException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** What is wrong, without the file name (for messages that name the file themselves). */
    public String problem() {
        return problem;
    }

    public Path file() {
        return file;
    }
}

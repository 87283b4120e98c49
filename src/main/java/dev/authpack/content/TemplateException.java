package dev.authpack.content;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A template file that cannot be used. Thrown while the application starts, so a bad edit stops
 * start-up with the file and the problem instead of surfacing later as a wrong report. An
 * IllegalStateException: the application cannot start in this state.
 *
 * <p>Each {@link Problem} names the key it is about (a path such as {@code criteria.pdmp.pdmpWindowDays},
 * empty for the file as a whole) and the line, so an upload can answer one error entry per
 * problem. The texts are written for the person editing the file: never a Java class name or a
 * parser library's wording.
 */
public class TemplateException extends IllegalStateException {

    private final transient Path file;
    private final transient List<Problem> problems;

    /**
     * One thing wrong with a file: {@code key} is the path of the key it is about ("" for the whole
     * file), {@code line} the line it is on (0 when there is no one line, e.g. a key left out).
     */
    public record Problem(String key, String message, int line) {

        public Problem {
            key = key == null ? "" : key;
        }

        /** The message with its line: {@code unknown key 'pdmpWindowWeeks' (line 35)}. */
        public String messageWithLine() {
            return line > 0 ? message + " (line " + line + ")" : message;
        }

        /** Key, message and line: {@code at criteria.pdmp.pdmpWindowWeeks: unknown key 'pdmpWindowWeeks' (line 35)}. */
        public String describe() {
            return (key.isEmpty() ? "" : "at " + key + ": ") + messageWithLine();
        }
    }

    public TemplateException(Path file, String problem) {
        this(file, List.of(new Problem("", problem, 0)), null);
    }

    public TemplateException(Path file, String problem, Throwable cause) {
        this(file, List.of(new Problem("", problem, 0)), cause);
    }

    public TemplateException(Path file, List<Problem> problems) {
        this(file, problems, null);
    }

    public TemplateException(Path file, List<Problem> problems, Throwable cause) {
        super(file + ": " + describe(problems), cause);
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    private static String describe(List<Problem> problems) {
        return problems.stream().map(Problem::describe).collect(Collectors.joining("; "));
    }

    /** What is wrong, without the file name (for messages that name the file themselves). */
    public String problem() {
        return describe(problems);
    }

    /** Each problem with its key and line, in the order of the file (unknown keys first). */
    public List<Problem> problems() {
        return problems;
    }

    public Path file() {
        return file;
    }
}

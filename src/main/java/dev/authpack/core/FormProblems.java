package dev.authpack.core;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A refused form's problems, worded for its page, and the input each is about, so the page can mark
 * that input invalid and point it ({@code aria-describedby}) at its problem: a screen reader then says
 * the problem on the input itself, not only in the list. A page either names the list's lines
 * ({@link #describedBy}, the users page) or repeats the problem beside the input ({@link #text}, the
 * case page's event forms). Ids carry a prefix per form ({@code create-problem-0}), since a page may
 * hold several forms. Serializable: a redirected page receives it as a flash attribute, which is kept
 * in the session (in the database) until the next request.
 */
public final class FormProblems implements Serializable {

    private static final long serialVersionUID = 1L;

    /** {@code input} is the problem's field without a list index: {@code codes[1]} is said of the codes input. */
    public record Line(String id, String input, String text) implements Serializable {
    }

    private final List<Line> lines;

    private FormProblems(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    public static FormProblems of(String idPrefix, List<FieldProblem> problems, Function<FieldProblem, String> worded) {
        List<Line> lines = new ArrayList<>();
        for (FieldProblem p : problems) {
            lines.add(new Line(idPrefix + "-" + lines.size(), p.field().replaceAll("\\[\\d+\\]$", ""), worded.apply(p)));
        }
        return new FormProblems(lines);
    }

    public List<Line> lines() {
        return lines;
    }

    public boolean has(String input) {
        return about(input).findAny().isPresent();
    }

    /** The ids of the lines about {@code input}, space-separated, or null (no attribute) when there are none. */
    public String describedBy(String input) {
        return joined(input, Line::id, " ");
    }

    /** The problems with {@code input} as one message to show beside it, or null when there are none. */
    public String text(String input) {
        return joined(input, Line::text, "; ");
    }

    private String joined(String input, Function<Line, String> part, String separator) {
        String joined = about(input).map(part).collect(Collectors.joining(separator));
        return joined.isEmpty() ? null : joined;
    }

    /** A problem of the whole form (no field) is about no input. */
    private Stream<Line> about(String input) {
        return lines.stream().filter(l -> !l.input().isEmpty() && l.input().equals(input));
    }
}

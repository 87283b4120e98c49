package dev.authpack.security;

import dev.authpack.core.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A refused form's problems as the users page lists them: each line has an id, and the input a line
 * is about points at it ({@code aria-describedby}) and is marked invalid, so a screen reader says the
 * problem on the input itself, not only in the list. Ids carry a prefix per form ({@code create-problem-0}),
 * since the page holds several forms.
 */
final class FormProblems {

    record Line(String id, String field, String text) {
    }

    private final List<Line> lines;

    private FormProblems(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    static FormProblems of(String idPrefix, List<FieldProblem> problems, Function<FieldProblem, String> worded) {
        List<Line> lines = new ArrayList<>();
        for (FieldProblem p : problems) {
            lines.add(new Line(idPrefix + "-" + lines.size(), p.field(), worded.apply(p)));
        }
        return new FormProblems(lines);
    }

    public List<Line> lines() {
        return lines;
    }

    public boolean has(String field) {
        return lines.stream().anyMatch(l -> l.field().equals(field));
    }

    /** The ids of the lines about {@code field}, space-separated, or null (no attribute) when there are none. */
    public String describedBy(String field) {
        String ids = lines.stream().filter(l -> l.field().equals(field)).map(Line::id).collect(Collectors.joining(" "));
        return ids.isEmpty() ? null : ids;
    }
}

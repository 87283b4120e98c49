package dev.authpack.web;

import dev.authpack.core.FieldProblem;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;

/** A reader's position as the contract writes field paths: {@code order[1]}, {@code prescriber.npi}. */
public final class JsonPaths {

    /** How Jackson's strict duplicate detection starts its message; the exception has no type of its own. */
    private static final String DUPLICATE = "Duplicate Object property";

    private JsonPaths() {
    }

    static String of(List<JacksonException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference r : path) {
            if (r.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /**
     * The problem of a body that names a member twice ({@code {"id":"a","id":"b"}}), said of that
     * member ({@code id}, {@code patient.lastName}, {@code history[1].drug}); empty when the reader
     * failed for another reason. The parser stopped at the second one, so its place is the member's.
     */
    public static Optional<FieldProblem> duplicate(JacksonException e) {
        if (!(e instanceof StreamReadException read) || read.processor() == null || e.getOriginalMessage() == null
                || !e.getOriginalMessage().startsWith(DUPLICATE)) {
            return Optional.empty();
        }
        Deque<String> steps = new ArrayDeque<>();
        for (TokenStreamContext c = read.processor().streamReadContext(); c != null && !c.inRoot(); c = c.getParent()) {
            steps.push(c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.currentName());
        }
        String path = String.join("", steps);
        return Optional.of(new FieldProblem(path.startsWith(".") ? path.substring(1) : path,
                "is given twice: send each member once"));
    }
}

package dev.authpack.web;

import dev.authpack.core.FieldProblem;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

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
        return Optional.of(new FieldProblem(path(read.processor().streamReadContext()),
                "is given twice: send each member once"));
    }

    /**
     * The problem of valid JSON beyond the parser's limits (a number of thousands of digits, lists nested hundreds
     * deep), said of the member where it is. The tree reader's exception does not tell the place, so the body is
     * read again token by token up to it: on this error path only, and the body is at most the API's 1 MiB.
     */
    public static FieldProblem beyondLimits(JsonMapper mapper, byte[] body, StreamConstraintsException e) {
        StreamReadConstraints limits = mapper.tokenStreamFactory().streamReadConstraints();
        try (JsonParser tokens = mapper.createParser(body)) {
            try {
                for (JsonToken t = tokens.nextToken(); t != null; t = tokens.nextToken()) {
                    if (t.isNumeric()) {
                        tokens.getDecimalValue(); // a number's length is checked when its value is read
                    }
                }
            } catch (StreamConstraintsException at) {
                return beyondLimits(at, path(tokens.streamReadContext()), limits);
            }
        } catch (JacksonException other) {
            // the second reading failed otherwise: say what the first one found, without a place
        }
        return beyondLimits(e, "", limits);
    }

    private static FieldProblem beyondLimits(StreamConstraintsException e, String path, StreamReadConstraints limits) {
        String why = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String subject = path.isEmpty() ? "the body " : "";
        if (why.contains("nesting depth")) {
            // the member the nesting starts in: the whole path would be hundreds of "[0]"
            int end = 0;
            while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                end++;
            }
            return new FieldProblem(path.substring(0, end), (end == 0 ? "the body " : "") + "is nested more than "
                    + limits.getMaxNestingDepth() + " levels deep, which nothing this API reads needs");
        }
        if (why.startsWith("Number value length")) {
            return new FieldProblem(path, subject + "is a number with more than " + limits.getMaxNumberLength()
                    + " digits");
        }
        return new FieldProblem(path, subject + "is longer than this API reads");
    }

    /** {@code patient.lastName}, {@code medicationTrials[1]}: the context's place as the contract writes it. */
    private static String path(TokenStreamContext at) {
        Deque<String> steps = new ArrayDeque<>();
        for (TokenStreamContext c = at; c != null && !c.inRoot(); c = c.getParent()) {
            steps.push(c.inArray() ? "[" + Math.max(c.getCurrentIndex(), 0) + "]" : "." + c.currentName());
        }
        String path = String.join("", steps);
        return path.startsWith(".") ? path.substring(1) : path;
    }
}

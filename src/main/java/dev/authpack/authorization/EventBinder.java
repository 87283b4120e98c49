package dev.authpack.authorization;

import dev.authpack.core.CalendarDates;
import dev.authpack.core.FieldProblem;
import dev.authpack.core.TypedIdentifier;
import dev.authpack.core.TypedText;
import dev.authpack.core.WholeNumbers;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads an event from JSON, collecting every problem with the member's name (400), as the case
 * binder does: unknown type, a required member absent, a member the type does not take, a value of
 * the wrong shape, a date in the future (only {@code approvedFrom} and {@code approvedTo} may be),
 * {@code approvedTo} before {@code approvedFrom}, a date before the previous event's, text with a
 * character nobody types (the case's {@link TypedText} rule: the reference and the denial reason reach
 * the case page, the API's case view and the appeal letter). Whether the event is allowed in the case's
 * status is {@link Refusals}' job (409). The free text ({@code note}, {@code reason}) is first made one
 * line ({@link #freeText}), for the API and the case page's form alike.
 */
final class EventBinder {

    /** Identifiers and references; free text (a payer's denial wording) may run longer. */
    static final int SHORT_TEXT = 200;
    static final int LONG_TEXT = 2000;
    static final int MAX_CODES = 20;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,19}");
    /** A line break (CR, LF, CRLF; also VT, FF, NEL, U+2028, U+2029: regex {@code \\R}) with the spaces around it. */
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

    /** Members each type takes beyond {@code type}, {@code date} and {@code note}; required ones listed first. */
    private record Members(Set<String> required, Set<String> optional) {
    }

    private static final Map<EventType, Members> MEMBERS = new EnumMap<>(Map.of(
            EventType.SUBMITTED, new Members(Set.of("channel"), Set.of("payerReference")),
            EventType.PENDED, new Members(Set.of(), Set.of()),
            EventType.APPROVED, new Members(Set.of("authorizationNumber", "approvedFrom", "approvedTo",
                    "approvedSessions"), Set.of()),
            EventType.DENIED, new Members(Set.of("reason"), Set.of()),
            EventType.APPEALED, new Members(Set.of(), Set.of()),
            EventType.WITHDRAWN, new Members(Set.of(), Set.of()),
            EventType.SESSION_GIVEN, new Members(Set.of(), Set.of("codes"))));
    private static final Set<String> COMMON = Set.of("type", "date", "note");

    private EventBinder() {
    }

    record Result(EventData event, List<FieldProblem> problems) {
    }

    static Result bind(JsonNode body, LocalDate today, LocalDate previousDate) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            problems.add(new FieldProblem("", "the event must be a JSON object"));
            return new Result(null, problems);
        }
        EventType type = enumValue(body, "type", EventType.class, problems);
        if (type == null) {
            if (problems.isEmpty()) {
                problems.add(new FieldProblem("type", "is required: one of " + names(EventType.class)));
            }
            return new Result(null, problems);
        }
        Members members = MEMBERS.get(type);
        for (String name : body.propertyNames()) {
            if (!COMMON.contains(name) && !members.required().contains(name) && !members.optional().contains(name)) {
                problems.add(new FieldProblem(name, notTakenBy(type)));
            }
        }
        for (String name : required(members)) {
            if (absent(body.get(name))) {
                problems.add(new FieldProblem(name, requiredFor(type)));
            }
        }
        LocalDate date = date(body, "date", problems);
        if (date != null && date.isAfter(today)) {
            problems.add(new FieldProblem("date", "must not be in the future (today is " + today + ")"));
        }
        if (date != null && previousDate != null && date.isBefore(previousDate)) {
            problems.add(new FieldProblem("date", "must not be before the previous event's date (" + previousDate + ")"));
        }
        LocalDate from = date(body, "approvedFrom", problems);
        LocalDate to = date(body, "approvedTo", problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(new FieldProblem("approvedTo", "must not be before approvedFrom"));
        }
        EventData event = new EventData(type, date, enumValue(body, "channel", Channel.class, problems),
                identifier(body, "payerReference", problems), freeText(body, "note", problems),
                identifier(body, "authorizationNumber", problems), from, to,
                sessions(body, problems), freeText(body, "reason", problems), codes(body, problems));
        return new Result(problems.isEmpty() ? event : null, problems);
    }

    /**
     * The two problems said of the event's type, in the API's words ("an APPROVED event"). The case
     * page recognises them by these methods and says them with the timeline's name of the type.
     */
    static String requiredFor(EventType type) {
        return "is required for " + named(type);
    }

    static String notTakenBy(EventType type) {
        return "is not a member of " + named(type);
    }

    /** The type as the JSON names it, with the article its sound takes: "an APPROVED event", "a DENIED event". */
    private static String named(EventType type) {
        return ("AEIOU".indexOf(type.name().charAt(0)) >= 0 ? "an " : "a ") + type.name() + " event";
    }

    private static List<String> required(Members members) {
        List<String> names = new ArrayList<>();
        names.add("date");
        members.required().stream().sorted().forEach(names::add);
        return names;
    }

    private static boolean absent(JsonNode v) {
        return v == null || v.isNull() || v.isString() && v.asString().isBlank();
    }

    private static <E extends Enum<E>> E enumValue(JsonNode body, String name, Class<E> type, List<FieldProblem> problems) {
        JsonNode v = body.get(name);
        if (absent(v)) {
            return null;
        }
        if (v.isString()) {
            String wanted = v.asString().strip().toUpperCase(Locale.ROOT);
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(wanted)) {
                    return e;
                }
            }
        }
        problems.add(new FieldProblem(name, "must be one of " + names(type)));
        return null;
    }

    private static LocalDate date(JsonNode body, String name, List<FieldProblem> problems) {
        JsonNode v = body.get(name);
        if (absent(v)) {
            return null;
        }
        if (v.isString()) {
            try {
                LocalDate date = LocalDate.parse(v.asString().strip());
                if (CalendarDates.accepted(date)) {
                    return date;
                }
                problems.add(new FieldProblem(name, CalendarDates.outOfRange()));
                return null;
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        problems.add(new FieldProblem(name, "must be a date YYYY-MM-DD"));
        return null;
    }

    /**
     * A number the payer gave and the clinic keys back in (on the claim, on the phone): written in the plain
     * characters it looks like, or refused, as the case's member id is ({@link TypedIdentifier}).
     */
    private static String identifier(JsonNode body, String name, List<FieldProblem> problems) {
        String s = text(body, name, SHORT_TEXT, problems);
        if (s == null) {
            return null;
        }
        Optional<String> plain = TypedIdentifier.of(s);
        if (plain.isEmpty()) {
            problems.add(new FieldProblem(name, TypedIdentifier.PROBLEM));
            return null;
        }
        return plain.get();
    }

    /**
     * Text in the clerk's or the payer's words (a note, the denial wording), on one line: a reason pasted from a
     * payer's letter or an X12 278 into the API, or typed over several lines in the case page's box, keeps its
     * line breaks, and it is shown on one line everywhere (the case page, the case view, the appeal letter). Any
     * other control character is still refused.
     */
    private static String freeText(JsonNode body, String name, List<FieldProblem> problems) {
        return text(body, name, LONG_TEXT, true, problems);
    }

    private static String text(JsonNode body, String name, int max, List<FieldProblem> problems) {
        return text(body, name, max, false, problems);
    }

    private static String text(JsonNode body, String name, int max, boolean joinLines, List<FieldProblem> problems) {
        JsonNode v = body.get(name);
        if (absent(v)) {
            return null;
        }
        if (!v.isString()) {
            problems.add(new FieldProblem(name, "must be text"));
            return null;
        }
        String s = joinLines ? oneLine(v.asString()) : v.asString().strip();
        if (!TypedText.isTypeable(s)) {
            problems.add(new FieldProblem(name, TypedText.PROBLEM));
            return null;
        }
        if (s.codePointCount(0, s.length()) > max) {
            problems.add(new FieldProblem(name, "must be at most " + max + " characters"));
            return null;
        }
        return TypedText.stored(s);
    }

    /** The text's lines joined with one space, each break with the spaces around it; stripped. */
    private static String oneLine(String text) {
        return LINE_BREAKS.matcher(text.strip()).replaceAll(" ");
    }

    private static Integer sessions(JsonNode body, List<FieldProblem> problems) {
        JsonNode v = body.get("approvedSessions");
        if (absent(v)) {
            return null;
        }
        Integer n = v.isNumber() ? wholeNumber(v) : null;
        if (n == null || n < 1 || n > 200) {
            problems.add(new FieldProblem("approvedSessions", "must be a whole number from 1 to 200"));
            return null;
        }
        return n;
    }

    /** The number's value when it is whole and finite, else null ({@link WholeNumbers}, as the case reads it). */
    private static Integer wholeNumber(JsonNode v) {
        if ((v.isDouble() || v.isFloat()) && !Double.isFinite(v.doubleValue())) {
            return null;
        }
        OptionalInt n = WholeNumbers.of(v.decimalValue());
        return n.isPresent() ? n.getAsInt() : null;
    }

    private static List<String> codes(JsonNode body, List<FieldProblem> problems) {
        JsonNode v = body.get("codes");
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            problems.add(new FieldProblem("codes", "must be a list of billing codes"));
            return List.of();
        }
        if (v.size() > MAX_CODES) {
            problems.add(new FieldProblem("codes", "must list at most " + MAX_CODES + " codes"));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode c = v.get(i);
            if (c == null || !c.isString() || !CODE.matcher(c.asString().strip()).matches()) {
                problems.add(new FieldProblem("codes[" + i + "]", "must be a billing code such as G2083"));
            } else {
                out.add(c.asString().strip().toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static String names(Class<? extends Enum<?>> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }
}

package dev.authpack.authorization;

import dev.authpack.core.InputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The case page's event form as the API's input, so the page's event goes through the API's binder
 * and refuses what the API refuses. Pure: no Spring, no database.
 */
final class EventForm {

    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
    /**
     * A lone letter before digits: "G 2083" typed with a space is one HCPCS code, which splitting the box at
     * spaces made two ("G" and "2083"), both recorded. No billing code is a single letter.
     */
    private static final Pattern LETTER_THEN_DIGITS = Pattern.compile("(?<![A-Za-z0-9.-])([A-Za-z])\\s+(?=\\d)");

    private EventForm() {
    }

    private static String typed(String value) {
        return value == null ? "" : value.strip();
    }

    /**
     * The fields posted with two different values, in the order posted. Every field of an event form is one
     * input: the first value was recorded, silently. An empty one counts ("date=&date=2026-12-01" was read as
     * no date at all and refused as "is required"); values are compared stripped, as the binder reads them and
     * as the case form compares them. The page says so in its own words (auth.problem.twice).
     */
    static List<String> sentTwice(MultiValueMap<String, String> form) {
        return form.entrySet().stream()
                .filter(e -> !e.getKey().equals("_csrf") && !e.getKey().equals(AuthorizationService.SEEN_EVENTS))
                .filter(e -> e.getValue().stream().map(EventForm::typed).distinct().count() > 1)
                .map(Map.Entry::getKey).toList();
    }

    /**
     * Form fields as the API's event: empty fields absent, the session count a number, codes a list (split at
     * commas and spaces, a lone letter kept with the digits after it). Each field's first value: a form with a
     * field {@link #sentTwice} is refused before it gets here.
     * The denial reason's text area sends Enter as a line break: the binder joins the lines of the
     * free-text members for the form and the API alike ({@link EventBinder}), so they pass as typed.
     */
    static ObjectNode event(MultiValueMap<String, String> form) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        form.forEach((name, values) -> {
            String v = first(values);
            if (v.isEmpty() || name.equals("_csrf") || name.equals(AuthorizationService.SEEN_EVENTS)) {
                return;
            }
            if (name.equals("approvedSessions") && COUNT.matcher(v).matches()) {
                node.put(name, Integer.parseInt(v));
            } else if (name.equals("codes")) {
                ArrayNode codes = node.putArray(name);
                Arrays.stream(LETTER_THEN_DIGITS.matcher(v).replaceAll("$1").split("[,\\s]+")).filter(c -> !c.isBlank()).forEach(codes::add);
            } else {
                node.put(name, v);
            }
        });
        return node;
    }

    /**
     * The hidden field with the number of events the page showed. Absent or empty (a page from
     * before the field, a script) means no check, as before; anything but a count is the form's
     * problem, answered before anything is recorded.
     */
    static OptionalInt seenEvents(MultiValueMap<String, String> form) {
        String v = form.getFirst(AuthorizationService.SEEN_EVENTS);
        if (v == null || v.isBlank()) {
            return OptionalInt.empty();
        }
        if (!COUNT.matcher(v.strip()).matches()) {
            throw new InputException(AuthorizationService.SEEN_EVENTS,
                    "must be a whole number; reload the case page and record the event again");
        }
        return OptionalInt.of(Integer.parseInt(v.strip()));
    }

    /** The type as the binder reads it, or null when it names none (the binder says so). */
    static EventType type(MultiValueMap<String, String> form) {
        String typed = form.getFirst("type");
        String wanted = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(EventType.values()).filter(t -> t.name().equals(wanted)).findFirst().orElse(null);
    }

    private static String first(List<String> values) {
        return values.isEmpty() || values.get(0) == null ? "" : values.get(0).strip();
    }
}

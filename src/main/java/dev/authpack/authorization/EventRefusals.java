package dev.authpack.authorization;

import dev.authpack.core.FieldProblem;
import dev.authpack.core.FormProblems;
import dev.authpack.web.Times;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;

/**
 * Why the case page did not record an event, in the clerk's words rather than the API's: each refused
 * field said of its label on the form, an event the status does not allow, an event recorded by someone
 * else since the page was made.
 */
final class EventRefusals {

    private static final Pattern LIST_ITEM = Pattern.compile("(\\w+)\\[(\\d+)\\]");
    /** Fields a rule's message may name in the JSON's words ("must not be before approvedFrom"). */
    private static final List<String> NAMED_IN_MESSAGES = List.of("approvedFrom", "approvedTo", "approvedSessions",
            "authorizationNumber", "payerReference");

    private final MessageSource messages;
    private final Times times;

    EventRefusals(MessageSource messages, Times times) {
        this.messages = messages;
        this.times = times;
    }

    /** The refused fields, each marking the input it is about ("codes[1]" is the codes input). */
    FormProblems fields(List<FieldProblem> problems, EventType type, Locale locale) {
        return FormProblems.of("event-problem", problems, p -> field(p, type, locale));
    }

    /**
     * The problem said of the field's label on the form ("Approved to: must not be before ..."), not
     * its JSON name; one said of the event's type names it as the timeline does ("is required to
     * record “Session given”"), not as the JSON does. {@code type} is null when the form named none.
     */
    String field(FieldProblem p, EventType type, Locale locale) {
        if (p.field().isEmpty()) {
            return p.message();
        }
        Matcher item = LIST_ITEM.matcher(p.field());
        // one of a list ("codes[1]") is said as the clerk counts them: "Billing code 2"
        String label = item.matches()
                ? messages.getMessage("auth.field." + item.group(1) + ".item",
                        new Object[] {Integer.parseInt(item.group(2)) + 1}, p.field(), locale)
                : messages.getMessage("auth.field." + p.field(), null, p.field(), locale);
        if (type != null && p.message().equals(EventBinder.requiredFor(type))) {
            return label + ": " + messages.getMessage("auth.problem.required", new Object[] {label(type, locale)}, locale);
        }
        if (type != null && p.message().equals(EventBinder.notTakenBy(type))) {
            return label + ": " + messages.getMessage("auth.problem.notTaken", new Object[] {label(type, locale)}, locale);
        }
        String message = p.message().startsWith(p.field() + " ") ? p.message().substring(p.field().length() + 1) : p.message();
        for (String other : NAMED_IN_MESSAGES) {
            message = message.replace(other, "\u201c" + messages.getMessage("auth.field." + other, null, other, locale)
                    + "\u201d");
        }
        return label + ": " + message;
    }

    /** "“Denied” cannot be recorded while the authorization is Approved; ...", or empty when it can. */
    Optional<String> notAllowed(EventType type, AuthStatus status, Locale locale) {
        if (Transitions.allowed(type, status)) {
            return Optional.empty();
        }
        List<EventType> allowed = Transitions.allowedIn(status);
        if (allowed.isEmpty()) {
            return Optional.of(messages.getMessage("auth.notAllowed.none", new Object[] {label(type, locale),
                    status(status, locale)}, locale));
        }
        String others = String.join(", ", allowed.stream().map(t -> "\u201c" + label(t, locale) + "\u201d").toList());
        return Optional.of(messages.getMessage("auth.notAllowed", new Object[] {label(type, locale),
                status(status, locale), others}, locale));
    }

    /**
     * Who recorded what, and when, since the clerk's page was made; and whether pressing again is possible.
     * {@code typed} is the form's type as sent, named as it was when it names no type.
     */
    String changedSince(ChangedSinceException e, String typed, Locale locale) {
        String events = String.join("; ", e.since().stream().map(ev -> messages.getMessage("auth.stale.event",
                new Object[] {ev.recordedBy(), label(ev.type(), locale), ev.date().toString(),
                        times.format(ev.recordedAt())}, locale)).toList());
        EventType type = List.of(EventType.values()).stream().filter(t -> t.name().equals(typed)).findFirst().orElse(null);
        if (type != null && !Transitions.allowed(type, e.status())) {
            return messages.getMessage("auth.stale.notAllowed", new Object[] {events, label(type, locale),
                    status(e.status(), locale)}, locale);
        }
        return messages.getMessage("auth.stale", new Object[] {events,
                type == null ? String.valueOf(typed) : label(type, locale)}, locale);
    }

    private String label(EventType type, Locale locale) {
        return messages.getMessage("auth.event." + type.name(), null, type.name(), locale);
    }

    private String status(AuthStatus status, Locale locale) {
        return messages.getMessage("auth.status." + status, null, status.name(), locale);
    }
}

package dev.authpack.authorization;

import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.StoredCase;
import dev.authpack.core.ConflictException;
import dev.authpack.core.FieldProblem;
import dev.authpack.core.InputException;
import dev.authpack.web.PageController;
import dev.authpack.web.Times;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The case page's event forms and "Start reauthorization" button. The form's fields become the same
 * JSON event the API takes, recorded by the same service, so the page refuses what the API refuses;
 * a renewal goes through the API's {@link RenewalService} too.
 */
@Controller
@PageController
class EventPageController {

    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

    private final AuthorizationService authorizations;
    private final RenewalService renewals;
    private final CaseService cases;
    private final JsonMapper mapper;
    private final MessageSource messages;
    private final Times times;

    EventPageController(AuthorizationService authorizations, RenewalService renewals, CaseService cases,
                        JsonMapper mapper, MessageSource messages, Times times) {
        this.authorizations = authorizations;
        this.renewals = renewals;
        this.cases = cases;
        this.mapper = mapper;
        this.messages = messages;
        this.times = times;
    }

    @PostMapping("/cases/{id}/events")
    String record(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                  RedirectAttributes redirect) {
        StoredCase stored = cases.read(id);
        UUID caseId = stored.id();
        EventType type = typeOf(form.getFirst("type"));
        try {
            AuthorizationService.Recorded r = authorizations.record(caseId, event(form), seen(form));
            redirect.addFlashAttribute("message", "auth.recorded");
            redirect.addFlashAttribute("eventWarnings", r.warnings());
        } catch (InputException e) {
            // the API answers the input first (400 before 409); a clerk is better told first that
            // filling in the fields would not help
            Optional<String> refused = notAllowed(type, stored);
            redirect.addFlashAttribute("eventProblems", refused.map(List::of)
                    .orElseGet(() -> e.problems().stream().map(p -> worded(p, type)).toList()));
            if (refused.isEmpty()) {
                redirect.addFlashAttribute("eventFieldProblems", byInput(e.problems(), type));
            }
            keepTyped(form, redirect);
        } catch (ChangedSinceException e) {
            redirect.addFlashAttribute("eventProblems", List.of(changedSince(e, form.getFirst("type"))));
            keepTyped(form, redirect);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("eventProblems", List.of(notAllowed(type, stored).orElse(e.getMessage())));
            keepTyped(form, redirect);
        }
        return "redirect:/cases/" + caseId + "#authorization";
    }

    /**
     * The hidden field with the number of events the page showed. Absent or empty (a page from
     * before the field, a script) means no check, as before; anything but a count is the form's
     * problem, answered before anything is recorded.
     */
    private static OptionalInt seen(MultiValueMap<String, String> form) {
        String v = form.getFirst(AuthorizationService.SEEN_EVENTS);
        if (v == null || v.isBlank()) {
            return OptionalInt.empty();
        }
        if (!v.strip().matches("\\d{1,9}")) {
            throw new InputException(AuthorizationService.SEEN_EVENTS,
                    "must be a whole number; reload the case page and record the event again");
        }
        return OptionalInt.of(Integer.parseInt(v.strip()));
    }

    /** Who recorded what, and when, since the clerk's page was made; and whether pressing again is possible. */
    private String changedSince(ChangedSinceException e, String typed) {
        Locale locale = LocaleContextHolder.getLocale();
        String events = String.join("; ", e.since().stream().map(ev -> messages.getMessage("auth.stale.event",
                new Object[] {ev.recordedBy(), label(ev.type().name(), locale), ev.date().toString(),
                        times.format(ev.recordedAt())}, locale)).toList());
        EventType type = Arrays.stream(EventType.values()).filter(t -> t.name().equals(typed)).findFirst().orElse(null);
        AuthStatus status = e.status();
        if (type != null && !Transitions.allowed(type, status)) {
            return messages.getMessage("auth.stale.notAllowed", new Object[] {events, label(type.name(), locale),
                    messages.getMessage("auth.status." + status, null, status.name(), locale)}, locale);
        }
        return messages.getMessage("auth.stale", new Object[] {events,
                type == null ? String.valueOf(typed) : label(type.name(), locale)}, locale);
    }

    /** The type as the binder reads it, or null when it names none (the binder says so). */
    private static EventType typeOf(String typed) {
        String wanted = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(EventType.values()).filter(t -> t.name().equals(wanted)).findFirst().orElse(null);
    }

    /** "“Denied” cannot be recorded while the authorization is Approved; ...", when that is so now. */
    private Optional<String> notAllowed(EventType type, StoredCase stored) {
        if (type == null) {
            return Optional.empty();
        }
        AuthStatus status = authorizations.of(stored).status();
        if (Transitions.allowed(type, status)) {
            return Optional.empty();
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<EventType> allowed = Transitions.allowedIn(status);
        String statusLabel = messages.getMessage("auth.status." + status, null, status.name(), locale);
        if (allowed.isEmpty()) {
            return Optional.of(messages.getMessage("auth.notAllowed.none", new Object[] {label(type.name(), locale),
                    statusLabel}, locale));
        }
        String others = String.join(", ", allowed.stream().map(t -> "\u201c" + label(t.name(), locale) + "\u201d")
                .toList());
        return Optional.of(messages.getMessage("auth.notAllowed", new Object[] {label(type.name(), locale),
                statusLabel, others}, locale));
    }

    private String label(String type, Locale locale) {
        return messages.getMessage("auth.event." + type, null, type, locale);
    }

    /**
     * The API starts a renewal on every call (the contract says so); the page asks first when one was
     * already started from this case, so that a second click does not make a second case unnoticed.
     * The box {@code another} is the clerk's "yes, another one".
     */
    @PostMapping("/cases/{id}/reauthorization")
    String reauthorize(@PathVariable String id, @RequestParam(name = "another", defaultValue = "false") boolean another,
                       RedirectAttributes redirect) {
        StoredCase stored = cases.read(id);
        UUID caseId = stored.id();
        if (!another && !renewals.links(stored).renewedBy().isEmpty()) {
            redirect.addFlashAttribute("eventProblems", List.of(messages.getMessage("auth.renewal.already", null,
                    LocaleContextHolder.getLocale())));
            return "redirect:/cases/" + caseId + "#authorization";
        }
        try {
            UUID created = renewals.reauthorize(caseId).id();
            redirect.addFlashAttribute("message", "auth.renewal.created");
            return "redirect:/cases/" + created;
        } catch (ConflictException e) {
            redirect.addFlashAttribute("eventProblems", List.of(e.getMessage()));
            return "redirect:/cases/" + caseId + "#authorization";
        }
    }

    /**
     * The problem said of the field's label on the form ("Approved to: must not be before ..."), not
     * its JSON name; one said of the event's type names it as the timeline does ("is required to
     * record “Session given”"), not as the JSON does.
     */
    private static final Pattern LIST_ITEM = Pattern.compile("(\\w+)\\[(\\d+)\\]");

    private String worded(FieldProblem p, EventType type) {
        if (p.field().isEmpty()) {
            return p.message();
        }
        Locale locale = LocaleContextHolder.getLocale();
        Matcher item = LIST_ITEM.matcher(p.field());
        // one of a list ("codes[1]") is said as the clerk counts them: "Billing code 2"
        String label = item.matches()
                ? messages.getMessage("auth.field." + item.group(1) + ".item",
                        new Object[] {Integer.parseInt(item.group(2)) + 1}, p.field(), locale)
                : messages.getMessage("auth.field." + p.field(), null, p.field(), locale);
        if (type != null && p.message().equals(EventBinder.requiredFor(type))) {
            return label + ": " + messages.getMessage("auth.problem.required", new Object[] {label(type.name(), locale)},
                    locale);
        }
        if (type != null && p.message().equals(EventBinder.notTakenBy(type))) {
            return label + ": " + messages.getMessage("auth.problem.notTaken", new Object[] {label(type.name(), locale)},
                    locale);
        }
        String message = p.message().startsWith(p.field() + " ") ? p.message().substring(p.field().length() + 1) : p.message();
        for (String other : List.of("approvedFrom", "approvedTo", "approvedSessions", "authorizationNumber", "payerReference")) {
            message = message.replace(other, "\u201c" + messages.getMessage("auth.field." + other, null, other,
                    LocaleContextHolder.getLocale()) + "\u201d");
        }
        return label + ": " + message;
    }

    /**
     * The same problems by the input they are about ("codes[1]" is the codes input), so the re-opened
     * form marks each refused input and points it at its message beside it, as the case form does.
     * A LinkedHashMap: a flash attribute outlives the request in the session, so it must serialize.
     */
    private LinkedHashMap<String, String> byInput(List<FieldProblem> problems, EventType type) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            if (!p.field().isEmpty()) {
                out.merge(p.field().replaceAll("\\[\\d+\\]$", ""), worded(p, type), (a, b) -> a + "; " + b);
            }
        }
        return out;
    }

    /** What was typed goes back into the form it came from: a long denial reason is not typed twice. */
    private static void keepTyped(MultiValueMap<String, String> form, RedirectAttributes redirect) {
        Map<String, String> typed = new HashMap<>(form.toSingleValueMap());
        typed.remove("_csrf");
        redirect.addFlashAttribute("eventType", form.getFirst("type"));
        redirect.addFlashAttribute("eventForm", typed);
    }

    /**
     * Form fields as the API's event: empty fields absent, the session count a number, codes a list.
     * The denial reason's text area sends Enter as a line break, which the API refuses like any
     * control character; the reason is shown on one line everywhere (the case page, the appeal
     * letter), so its lines are joined with a space rather than the clerk being told to retype it.
     */
    ObjectNode event(MultiValueMap<String, String> form) {
        ObjectNode node = mapper.createObjectNode();
        form.forEach((name, values) -> {
            String v = values.isEmpty() || values.get(0) == null ? ""
                    : LINE_BREAKS.matcher(values.get(0).strip()).replaceAll(" ");
            if (v.isEmpty() || name.equals("_csrf") || name.equals(AuthorizationService.SEEN_EVENTS)) {
                return;
            }
            if (name.equals("approvedSessions") && v.matches("\\d{1,9}")) {
                node.put(name, Integer.parseInt(v));
            } else if (name.equals("codes")) {
                ArrayNode codes = node.putArray(name);
                for (String c : v.split("[,\\s]+")) {
                    if (!c.isBlank()) {
                        codes.add(c);
                    }
                }
            } else {
                node.put(name, v);
            }
        });
        return node;
    }
}

package dev.authpack.authorization;

import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.StoredCase;
import dev.authpack.core.ConflictException;
import dev.authpack.core.FieldProblem;
import dev.authpack.core.FormProblems;
import dev.authpack.core.InputException;
import dev.authpack.web.FormOnPage;
import dev.authpack.web.PageController;
import dev.authpack.web.Times;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page's event forms and "Start reauthorization" button. The form's fields become the same
 * JSON event the API takes ({@link EventForm}), recorded by the same service, so the page refuses what
 * the API refuses, in the clerk's words ({@link EventRefusals}); a renewal goes through the API's
 * {@link RenewalService} too.
 */
@Controller
@PageController
class EventPageController {

    private final AuthorizationService authorizations;
    private final RenewalService renewals;
    private final CaseService cases;
    private final MessageSource messages;
    private final EventRefusals refusals;

    EventPageController(AuthorizationService authorizations, RenewalService renewals, CaseService cases,
                        MessageSource messages, Times times) {
        this.authorizations = authorizations;
        this.renewals = renewals;
        this.cases = cases;
        this.messages = messages;
        this.refusals = new EventRefusals(messages, times);
    }

    @PostMapping("/cases/{id}/events")
    String record(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                  RedirectAttributes redirect) {
        StoredCase stored = cases.read(id);
        UUID caseId = stored.id();
        EventType type = EventForm.type(form);
        Locale locale = LocaleContextHolder.getLocale();
        try {
            List<String> twice = EventForm.sentTwice(form);
            if (!twice.isEmpty()) {
                // answered as any refused field is, below; worded in the bundle, as the case form's input.twice
                String sentence = messages.getMessage("auth.problem.twice", null, locale);
                throw new InputException(twice.stream().map(name -> new FieldProblem(name, sentence)).toList());
            }
            AuthorizationService.Recorded r = authorizations.record(caseId, EventForm.event(form),
                    EventForm.seenEvents(form));
            // said in the section the page opens at, not in the page's top banner, scrolled out of view
            redirect.addFlashAttribute("eventRecorded", true);
            redirect.addFlashAttribute("eventWarnings", r.warnings());
            // the browser's draft of this event form (drafts.js, keyed as cases/authorization.html keys it) is done with
            if (type != null) {
                redirect.addFlashAttribute("clearDraft", caseId + ".event." + type.name());
            }
        } catch (InputException e) {
            // the API answers the input first (400 before 409); a clerk is better told first that
            // filling in the fields would not help
            Optional<String> refused = notAllowed(type, stored, locale);
            FormProblems fields = refusals.fields(e.problems(), type, locale);
            redirect.addFlashAttribute("eventProblems", refused.map(List::of)
                    .orElseGet(() -> fields.lines().stream().map(FormProblems.Line::text).toList()));
            if (refused.isEmpty()) {
                redirect.addFlashAttribute("eventFieldProblems", fields);
            }
            keepTyped(form, redirect);
        } catch (ChangedSinceException e) {
            redirect.addFlashAttribute("eventProblems", List.of(refusals.changedSince(e, form.getFirst("type"), locale)));
            keepTyped(form, redirect);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("eventProblems", List.of(notAllowed(type, stored, locale).orElse(e.getMessage())));
            keepTyped(form, redirect);
        } catch (PessimisticLockingFailureException e) {
            // another change held the case longer than the database waits: nothing was recorded, pressing again works
            redirect.addFlashAttribute("eventProblems", List.of(messages.getMessage("auth.event.busy", null, locale)));
            keepTyped(form, redirect);
        }
        return "redirect:/cases/" + caseId + "#authorization";
    }

    /** Whether the status the case is in now refuses the type, said so; empty when the form named no type. */
    private Optional<String> notAllowed(EventType type, StoredCase stored, Locale locale) {
        return type == null ? Optional.empty() : refusals.notAllowed(type, authorizations.of(stored).status(), locale);
    }

    /**
     * The API starts a renewal on every call (the contract says so); the page asks first when one was
     * already started from this case, so that a second click does not make a second case unnoticed.
     * The box {@code another} is the clerk's "yes, another one".
     */
    @PostMapping("/cases/{id}/reauthorization")
    @FormOnPage("/cases/{id}#authorization")
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
            // said with a link to the form's scores (the renewal's next step), not as a plain banner: the form opened
            // at its top and the scores were two screens down (cases/page.html, #renewal-created)
            redirect.addFlashAttribute("renewalCreated", true);
            return "redirect:/cases/" + created;
        } catch (ConflictException e) {
            redirect.addFlashAttribute("eventProblems", List.of(e.getMessage()));
            return "redirect:/cases/" + caseId + "#authorization";
        }
    }

    /** What was typed goes back into the form it came from: a long denial reason is not typed twice. */
    private static void keepTyped(MultiValueMap<String, String> form, RedirectAttributes redirect) {
        Map<String, String> typed = new HashMap<>(form.toSingleValueMap());
        typed.remove("_csrf");
        redirect.addFlashAttribute("eventType", form.getFirst("type"));
        redirect.addFlashAttribute("eventForm", typed);
    }
}

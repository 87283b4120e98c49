package dev.authpack.authorization;

import dev.authpack.casefile.CaseService;
import dev.authpack.core.ConflictException;
import dev.authpack.core.InputException;
import dev.authpack.web.PageController;
import java.util.List;
import java.util.UUID;
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
 * JSON event the API takes, recorded by the same service, so the page refuses what the API refuses.
 */
@Controller
@PageController
class EventPageController {

    private final AuthorizationService authorizations;
    private final RenewalService renewals;
    private final CaseService cases;
    private final JsonMapper mapper;

    EventPageController(AuthorizationService authorizations, RenewalService renewals, CaseService cases,
                        JsonMapper mapper) {
        this.authorizations = authorizations;
        this.renewals = renewals;
        this.cases = cases;
        this.mapper = mapper;
    }

    @PostMapping("/cases/{id}/events")
    String record(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                  RedirectAttributes redirect) {
        UUID caseId = cases.read(id).id();
        try {
            AuthorizationService.Recorded r = authorizations.record(caseId, event(form));
            redirect.addFlashAttribute("message", "auth.recorded");
            redirect.addFlashAttribute("eventWarnings", r.warnings());
        } catch (InputException e) {
            redirect.addFlashAttribute("eventProblems", e.problems().stream()
                    .map(p -> p.field().isEmpty() ? p.message() : p.field() + " " + p.message()).toList());
            redirect.addFlashAttribute("eventType", form.getFirst("type"));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("eventProblems", List.of(e.getMessage()));
        }
        return "redirect:/cases/" + caseId + "#authorization";
    }

    @PostMapping("/cases/{id}/reauthorization")
    String reauthorize(@PathVariable String id, RedirectAttributes redirect) {
        UUID caseId = cases.read(id).id();
        try {
            UUID created = renewals.reauthorize(caseId).id();
            redirect.addFlashAttribute("message", "auth.renewal.created");
            return "redirect:/cases/" + created;
        } catch (ConflictException e) {
            redirect.addFlashAttribute("eventProblems", List.of(e.getMessage()));
            return "redirect:/cases/" + caseId + "#authorization";
        }
    }

    /** Form fields as the API's event: empty fields absent, the session count a number, codes a list. */
    ObjectNode event(MultiValueMap<String, String> form) {
        ObjectNode node = mapper.createObjectNode();
        form.forEach((name, values) -> {
            String v = values.isEmpty() || values.get(0) == null ? "" : values.get(0).strip();
            if (v.isEmpty() || name.equals("_csrf")) {
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

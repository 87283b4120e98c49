package dev.authpack.audit;

import dev.authpack.core.InputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for administrators in the web UI; the same filters and paging as the API. */
@Controller
class AuditPageController {

    private final AuditSearch search;
    private final AuditLog audit;

    AuditPageController(AuditSearch search, AuditLog audit) {
        this.search = search;
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(required = false) String user,
                @RequestParam(name = "case", required = false) String caseId,
                @RequestParam(required = false) String action,
                @RequestParam(required = false) String from,
                @RequestParam(required = false) String to,
                @RequestParam(required = false) String page,
                @RequestParam(required = false) String size,
                Model model) {
        model.addAttribute("user", user);
        model.addAttribute("caseId", caseId);
        model.addAttribute("action", action);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        try {
            model.addAttribute("result", search.find(AuditQueryParams.parse(user, caseId, action, from, to, page, size)));
        } catch (InputException e) {
            model.addAttribute("problems", e.problems());
        }
        audit.record(AuditAction.AUDIT_VIEWED, null, null, AuditOutcome.OK);
        return "admin/audit";
    }
}

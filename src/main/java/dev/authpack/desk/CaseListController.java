package dev.authpack.desk;

import dev.authpack.policyupload.PolicyNotices;
import dev.authpack.security.Actors;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.CaseStatus;
import dev.authpack.casefile.CaseSummary;
import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.audit.AuditLog;
import dev.authpack.authorization.AuthStatus;
import dev.authpack.authorization.Authorization;
import dev.authpack.authorization.AuthorizationService;
import dev.authpack.security.Actors;
import dev.authpack.web.PageController;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The clinic's cases, newest first, filtered by status and by a part of the patient's name. */
@Controller
@PageController
class CaseListController {

    static final String VIEW = "cases/list";

    private final CaseService cases;
    private final AuditLog audit;
    private final AuthorizationService authorizations;
    private final PolicyNotices notices;

    CaseListController(CaseService cases, AuditLog audit, AuthorizationService authorizations, PolicyNotices notices) {
        this.notices = notices;
        this.cases = cases;
        this.audit = audit;
        this.authorizations = authorizations;
    }

    @GetMapping("/cases")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String authStatus,
                Model model) {
        return show(status, authStatus, null, model);
    }

    /**
     * The search form posts, so the part of a patient's name it looks for is never in a URL (browser
     * history, proxy and server access logs, referrers). A GET's {@code q} is not read.
     */
    @PostMapping("/cases/search")
    String search(@RequestParam(required = false) String status, @RequestParam(required = false) String authStatus,
                  @RequestParam(required = false) String q, Model model) {
        return show(status, authStatus, q, model);
    }

    private String show(String status, String authStatus, String q, Model model) {
        CaseStatus wanted = parse(status);
        AuthStatus wantedAuth = Arrays.stream(AuthStatus.values()).filter(s -> s.name().equalsIgnoreCase(authStatus))
                .findFirst().orElse(null);
        Map<UUID, Authorization> auths = authorizations.forClinic(Actors.current().clinicId());
        String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<CaseSummary> rows = cases.list(wanted).stream()
                .filter(c -> needle.isEmpty()
                        || c.patientName() != null && c.patientName().toLowerCase(Locale.ROOT).contains(needle))
                .filter(c -> wantedAuth == null || auths.getOrDefault(c.id(), Authorization.NONE).status() == wantedAuth)
                .toList();
        audit.record(AuditAction.CASES_LISTED, null, null, AuditOutcome.OK);
        model.addAttribute("cases", rows);
        model.addAttribute("notices", notices.latestByCase(Actors.current().clinicId()));
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("status", wanted);
        model.addAttribute("auths", auths);
        model.addAttribute("authStatuses", AuthStatus.values());
        model.addAttribute("authStatus", wantedAuth);
        model.addAttribute("q", q == null ? "" : q.strip());
        return VIEW;
    }

    private static CaseStatus parse(String status) {
        return Arrays.stream(CaseStatus.values()).filter(s -> s.name().equalsIgnoreCase(status)).findFirst()
                .orElse(null);
    }
}

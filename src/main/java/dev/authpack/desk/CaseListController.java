package dev.authpack.desk;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditLog;
import dev.authpack.casefile.CaseListing;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.CaseStatus;
import dev.authpack.authorization.AuthStatus;
import dev.authpack.authorization.Authorization;
import dev.authpack.authorization.AuthorizationService;
import dev.authpack.policyupload.PolicyNotices;
import dev.authpack.security.Actors;
import dev.authpack.web.PageController;
import dev.authpack.web.SessionSearch;
import jakarta.servlet.http.HttpSession;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clinic's cases: who (name, birth date, member id), payer, policy, requested start, status;
 * searched by name, member id or birth date, sorted by any of those columns, 25 to a page. The
 * search text is posted and kept in the session (post, then redirect), so no patient data is ever
 * part of a URL, a bookmark or a server log line.
 */
@Controller
@PageController
class CaseListController {

    static final String VIEW = "cases/list";
    static final SessionSearch SEARCH = new SessionSearch(CaseListController.class.getName() + ".search");

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
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String dir, @RequestParam(defaultValue = "1") String page,
                @RequestParam(required = false) String authStatus, HttpSession session, Model model) {
        AuthStatus wantedAuth = parseAuth(authStatus);
        String clinic = Actors.current().clinicId();
        // filtering on the authorization needs every case's; otherwise only the page's rows are looked up
        Map<UUID, Authorization> everyCase = wantedAuth == null ? Map.of() : authorizations.forClinic(clinic);
        String search = SEARCH.read(session);
        CaseListQuery.Sort column = CaseListQuery.Sort.of(sort);
        boolean ascending = dir == null ? column != CaseListQuery.Sort.UPDATED : "asc".equalsIgnoreCase(dir);
        CaseListQuery query = new CaseListQuery(search, parse(status), column, ascending, number(page));
        CaseListQuery.Page<CaseListing> result = query.page(cases.listings(null), row -> wantedAuth == null
                || everyCase.getOrDefault(row.id(), Authorization.NONE).status() == wantedAuth);
        List<UUID> shown = result.rows().stream().map(CaseListing::id).toList();
        Map<UUID, Authorization> auths = wantedAuth != null ? everyCase : authorizations.forCases(clinic, shown);
        audit.recordList(AuditAction.CASES_LISTED, shown);
        model.addAttribute("cases", result.rows());
        model.addAttribute("notices", notices.latestFor(clinic, shown));
        model.addAttribute("result", result);
        model.addAttribute("query", query);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("status", query.status());
        model.addAttribute("q", search);
        model.addAttribute("auths", auths);
        model.addAttribute("authStatuses", AuthStatus.values());
        model.addAttribute("authStatus", wantedAuth);
        return VIEW;
    }

    /**
     * Keeps the search text for this session and shows the list's first page of matches; a text over the box's length
     * is refused ({@link SessionSearch#keep}), the other filters applied.
     */
    @PostMapping("/cases/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String authStatus, @RequestParam(required = false) String clear,
                  HttpSession session, RedirectAttributes redirect) {
        SEARCH.keep(session, clear != null ? null : q, redirect);
        if (clear != null) {
            status = null;
        }
        CaseStatus wanted = parse(status);
        AuthStatus wantedAuth = clear != null ? null : parseAuth(authStatus);
        String filters = (wanted == null ? "" : "&status=" + wanted) + (wantedAuth == null ? "" : "&authStatus=" + wantedAuth);
        return filters.isEmpty() ? "redirect:/cases" : "redirect:/cases?" + filters.substring(1);
    }

    private static CaseStatus parse(String status) {
        return Arrays.stream(CaseStatus.values()).filter(s -> s.name().equalsIgnoreCase(status)).findFirst()
                .orElse(null);
    }

    private static AuthStatus parseAuth(String authStatus) {
        return Arrays.stream(AuthStatus.values()).filter(s -> s.name().equalsIgnoreCase(authStatus)).findFirst()
                .orElse(null);
    }

    private static int number(String page) {
        try {
            return Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}

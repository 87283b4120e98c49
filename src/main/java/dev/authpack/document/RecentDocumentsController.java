package dev.authpack.document;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditLog;
import dev.authpack.security.Actors;
import dev.authpack.web.PageController;
import dev.authpack.web.SessionSearch;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Recent documents: the clinic's documents across cases, newest first, 50 to a page, narrowed by
 * patient (part of the name, a member id or a birth date, found as the case list finds them) and by
 * kind. As on the case list, the search is posted and kept in the session (post, then redirect), so it
 * never appears in a URL or a log line; the kind and the page hold no patient data and are the query string.
 */
@Controller
@PageController
class RecentDocumentsController {

    static final String VIEW = "documents/recent";
    static final SessionSearch SEARCH = new SessionSearch(RecentDocumentsController.class.getName() + ".search");

    private final DocumentStore store;
    private final AuditLog audit;

    RecentDocumentsController(DocumentStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @GetMapping("/documents")
    String recent(@RequestParam(required = false) String kind, @RequestParam(required = false) String page,
                  HttpSession session, Model model) {
        RecentPage found = store.recent(Actors.current().clinicId(), RecentFilter.of(SEARCH.read(session), kind, page));
        RecentFilter filter = found.filter(); // a page past the end is answered with the last
        audit.recordList(AuditAction.DOCUMENTS_LISTED, found.rows().stream().map(d -> d.document().caseId()).toList());
        model.addAttribute("documents", found.rows());
        model.addAttribute("hasOlder", found.hasOlder());
        model.addAttribute("filter", filter);
        model.addAttribute("q", filter.search());
        model.addAttribute("kind", filter.kind());
        model.addAttribute("kinds", DocumentKind.values());
        return VIEW;
    }

    /**
     * Keeps the search for this session and shows the first page of what matches; Clear forgets both filters. A search
     * over the box's length is refused, as on the case list ({@link SessionSearch#keep}), the kind applied.
     */
    @PostMapping("/documents/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) String clear, HttpSession session, RedirectAttributes redirect) {
        SEARCH.keep(session, clear != null ? null : q, redirect);
        DocumentKind wanted = clear != null ? null : RecentFilter.kind(kind);
        return wanted == null ? "redirect:/documents" : "redirect:/documents?kind=" + wanted;
    }
}

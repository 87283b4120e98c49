package dev.authpack.document;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.audit.AuditLog;
import dev.authpack.casefile.CaseListing;
import dev.authpack.casefile.CaseService;
import dev.authpack.core.NotFoundException;
import dev.authpack.security.Actors;
import dev.authpack.web.PageController;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Documents in the web UI: the clinic's recent documents, downloads with the signed-in session,
 * and page previews of a packet. Another clinic's document is "not found".
 */
@Controller
@PageController
class DocumentPageController {

    static final String RECENT_VIEW = "documents/recent";
    private static final int RECENT = 50;

    private final DocumentStore store;
    private final CaseService cases;
    private final PagePreview preview;
    private final DownloadNames names;
    private final AuditLog audit;

    DocumentPageController(DocumentStore store, CaseService cases, PagePreview preview, DownloadNames names,
                           AuditLog audit) {
        this.names = names;
        this.store = store;
        this.cases = cases;
        this.preview = preview;
        this.audit = audit;
    }

    /**
     * A document with the name of the patient whose case it belongs to, and, as on the case page,
     * whether it was made before the case last changed (then {@code caseUpdatedAt} says when).
     */
    record RecentDocument(DocumentView document, String patientName, boolean outdated, Instant caseUpdatedAt) {
    }

    @GetMapping("/documents")
    String recent(Model model) {
        String clinic = Actors.current().clinicId();
        Map<UUID, CaseListing> byId = new HashMap<>();
        cases.listings(null).forEach(c -> byId.put(c.id(), c));
        List<RecentDocument> recent = store.latest(clinic, RECENT).stream().map(d -> {
            CaseListing c = byId.get(d.caseId());
            return c == null ? new RecentDocument(d, null, false, null)
                    : new RecentDocument(d, c.patientName(), d.madeBefore(c.version(), c.updatedAt()), c.updatedAt());
        }).toList();
        audit.record(AuditAction.DOCUMENTS_LISTED, null, null, AuditOutcome.OK);
        model.addAttribute("documents", recent);
        return RECENT_VIEW;
    }

    @GetMapping("/documents/{id}")
    ResponseEntity<byte[]> download(@PathVariable String id) {
        DocumentStore.DocumentContent found = load(id);
        DocumentView doc = found.document();
        audit.record(AuditAction.DOCUMENT_DOWNLOADED, doc.caseId().toString(), doc.id().toString(), AuditOutcome.OK);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", names.contentDisposition(doc, cases.read(doc.caseId()).data().patient()))
                .cacheControl(CacheControl.noStore())
                .body(found.bytes());
    }

    @GetMapping("/documents/{id}/pages/{page}")
    ResponseEntity<byte[]> page(@PathVariable String id, @PathVariable int page) throws IOException {
        DocumentStore.DocumentContent found = load(id);
        byte[] png = preview.png(found.bytes(), page - 1);
        if (png == null) {
            throw new NotFoundException("page");
        }
        audit.record(AuditAction.DOCUMENT_PREVIEWED, found.document().caseId().toString(), found.document().id().toString(),
                AuditOutcome.OK);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
    }

    /** An id as typed in the address bar: a malformed one names no document, as on the case pages. */
    private DocumentStore.DocumentContent load(String id) {
        UUID parsed;
        try {
            parsed = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("document");
        }
        return store.content(parsed, Actors.current().clinicId()).orElseThrow(() -> new NotFoundException("document"));
    }
}

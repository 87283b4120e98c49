package dev.authpack.document;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.audit.AuditLog;
import dev.authpack.casefile.CaseService;
import dev.authpack.core.NotFoundException;
import dev.authpack.security.Actors;
import dev.authpack.web.PageController;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Documents in the web UI: downloads with the signed-in session and page previews of a packet
 * (the clinic's list of them is {@link RecentDocumentsController}). Another clinic's document is
 * "not found".
 */
@Controller
@PageController
class DocumentPageController {

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

package dev.authpack.document;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.audit.AuditLog;
import dev.authpack.casefile.CaseService;
import dev.authpack.core.NotFoundException;
import dev.authpack.security.Actors;
import java.util.List;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class DocumentController {

    private final DocumentStore store;
    private final CaseService cases;
    private final DownloadNames names;
    private final AuditLog audit;

    DocumentController(DocumentStore store, CaseService cases, DownloadNames names, AuditLog audit) {
        this.names = names;
        this.store = store;
        this.cases = cases;
        this.audit = audit;
    }

    @Operation(summary = "The case's documents, newest first")
    @GetMapping("/cases/{caseId}/documents")
    List<DocumentView> list(@PathVariable UUID caseId) {
        String clinic = cases.read(caseId).clinicId();
        List<DocumentView> documents = store.list(caseId, clinic);
        audit.record(AuditAction.DOCUMENTS_LISTED, caseId.toString(), null, AuditOutcome.OK);
        return documents;
    }

    @Operation(summary = "The document's PDF bytes (the bytes its sha256 was computed over)")
    @ApiResponse(responseCode = "200", description = "The PDF",
            headers = @Header(name = "Content-Disposition", description = "attachment, with a file name",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/documents/{id}")
    ResponseEntity<byte[]> download(@PathVariable("id") UUID documentId) {
        DocumentStore.DocumentContent found = store.content(documentId, Actors.current().clinicId())
                .orElseThrow(() -> new NotFoundException("document"));
        DocumentView doc = found.document();
        audit.record(AuditAction.DOCUMENT_DOWNLOADED, doc.caseId().toString(), doc.id().toString(), AuditOutcome.OK);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", names.contentDisposition(doc, cases.read(doc.caseId()).data().patient()))
                .cacheControl(CacheControl.noStore())
                .eTag("\"" + doc.sha256() + "\"")
                .body(found.bytes());
    }
}

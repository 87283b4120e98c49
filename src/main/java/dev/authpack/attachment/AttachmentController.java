package dev.authpack.attachment;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditLog;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.StoredCase;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/cases/{caseId}/attachments")
class AttachmentController {

    private final AttachmentUploads uploads;
    private final AttachmentStore store;
    private final CaseService cases;
    private final AuditLog audit;

    AttachmentController(AttachmentUploads uploads, AttachmentStore store, CaseService cases, AuditLog audit) {
        this.uploads = uploads;
        this.store = store;
        this.cases = cases;
        this.audit = audit;
    }

    @Operation(summary = "Upload clinical notes (a PDF) to merge into the packet")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentView> upload(@PathVariable UUID caseId,
                                          @RequestParam(name = "file", required = false) MultipartFile file,
                                          @RequestParam(name = "title", required = false) String title) throws IOException {
        AttachmentView saved = uploads.upload(caseId, file, title);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/attachments/" + saved.id()))
                .body(saved);
    }

    @Operation(summary = "The case's attachments")
    @GetMapping
    List<AttachmentView> list(@PathVariable UUID caseId) {
        StoredCase c = cases.read(caseId);
        List<AttachmentView> listed = store.list(caseId, c.clinicId());
        // titles are typed by clinic staff and may name the patient: reading them is reading PHI
        audit.record(AuditAction.ATTACHMENTS_LISTED, caseId.toString(), null, AuditOutcome.OK);
        return listed;
    }
}

package dev.authpack.attachment;

import dev.authpack.audit.AuditLog;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.StoredCase;
import dev.authpack.core.InputException;
import dev.authpack.security.Actors;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/cases/{caseId}/attachments")
class AttachmentController {

    private static final int MAX_TITLE = 200;

    private final AttachmentStore store;
    private final CaseService cases;
    private final AuditLog audit;
    private final long maxBytes;

    AttachmentController(AttachmentStore store, CaseService cases, AuditLog audit,
                         @Value("${authpack.attachments.max-bytes:26214400}") long maxBytes) {
        this.store = store;
        this.cases = cases;
        this.audit = audit;
        this.maxBytes = maxBytes;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentView> upload(@PathVariable UUID caseId,
                                          @RequestParam(name = "file", required = false) MultipartFile file,
                                          @RequestParam(name = "title", required = false) String title) throws IOException {
        StoredCase c = cases.read(caseId);
        if (file == null) {
            throw new InputException("file", "is required: send the PDF as multipart part 'file'");
        }
        if (file.getSize() > maxBytes) {
            throw new MaxUploadSizeExceededException(maxBytes);
        }
        String name = title == null || title.isBlank() ? file.getOriginalFilename() : title.strip();
        if (name == null || name.isBlank()) {
            throw new InputException("title", "is required");
        }
        if (name.length() > MAX_TITLE) {
            throw new InputException("title", "must be at most " + MAX_TITLE + " characters");
        }
        try {
            AttachmentView saved = store.save(caseId, c.clinicId(), name, file.getBytes(), Actors.current().username());
            audit.record("ATTACHMENT_UPLOADED", caseId.toString(), saved.id().toString(), "OK");
            return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/attachments/" + saved.id()))
                    .body(saved);
        } catch (InputException e) {
            audit.record("ATTACHMENT_UPLOADED", caseId.toString(), null, "REJECTED");
            throw e;
        }
    }

    @GetMapping
    List<AttachmentView> list(@PathVariable UUID caseId) {
        StoredCase c = cases.read(caseId);
        return store.list(caseId, c.clinicId());
    }
}

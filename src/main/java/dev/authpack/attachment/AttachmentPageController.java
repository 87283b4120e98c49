package dev.authpack.attachment;

import dev.authpack.audit.AuditLog;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.StoredCase;
import dev.authpack.core.InputException;
import dev.authpack.security.Actors;
import dev.authpack.web.PageController;
import java.io.IOException;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case page's upload of clinical notes (a PDF) to merge into the packet. */
@Controller
@PageController
class AttachmentPageController {

    private static final int MAX_TITLE = 200;

    private final AttachmentStore store;
    private final CaseService cases;
    private final AuditLog audit;
    private final long maxBytes;

    AttachmentPageController(AttachmentStore store, CaseService cases, AuditLog audit,
                             @Value("${authpack.attachments.max-bytes:26214400}") long maxBytes) {
        this.store = store;
        this.cases = cases;
        this.audit = audit;
        this.maxBytes = maxBytes;
    }

    @PostMapping("/cases/{caseId}/attachments")
    String upload(@PathVariable UUID caseId, @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = "title", required = false) String title, RedirectAttributes redirect)
            throws IOException {
        StoredCase c = cases.read(caseId);
        String back = "redirect:/cases/" + caseId + "#attachments";
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problem", "attach.invalid");
            return back;
        }
        if (file.getSize() > maxBytes) {
            redirect.addFlashAttribute("problem", "attach.tooLarge");
            return back;
        }
        String name = title == null || title.isBlank() ? file.getOriginalFilename() : title.strip();
        if (name == null || name.isBlank() || name.length() > MAX_TITLE) {
            name = "attachment.pdf";
        }
        try {
            AttachmentView saved = store.save(caseId, c.clinicId(), name, file.getBytes(), Actors.current().username());
            audit.record("ATTACHMENT_UPLOADED", caseId.toString(), saved.id().toString(), "OK");
            redirect.addFlashAttribute("message", "attach.uploaded");
        } catch (InputException e) {
            audit.record("ATTACHMENT_UPLOADED", caseId.toString(), null, "REJECTED");
            redirect.addFlashAttribute("problem", "attach.invalid");
        }
        return back;
    }
}

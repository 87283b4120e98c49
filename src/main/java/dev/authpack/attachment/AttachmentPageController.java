package dev.authpack.attachment;

import dev.authpack.core.InputException;
import dev.authpack.web.PageController;
import java.io.IOException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case page's upload of clinical notes (a PDF); the rules are the API's ({@link AttachmentUploads}). */
@Controller
@PageController
class AttachmentPageController {

    private final AttachmentUploads uploads;

    AttachmentPageController(AttachmentUploads uploads) {
        this.uploads = uploads;
    }

    @PostMapping("/cases/{caseId}/attachments")
    String upload(@PathVariable UUID caseId, @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = "title", required = false) String title, RedirectAttributes redirect)
            throws IOException {
        try {
            uploads.upload(caseId, file, title);
            redirect.addFlashAttribute("message", "attach.uploaded");
        } catch (MaxUploadSizeExceededException e) {
            redirect.addFlashAttribute("problem", "attach.tooLarge");
        } catch (InputException e) {
            redirect.addFlashAttribute("problem", problemKey(e));
        }
        return "redirect:/cases/" + caseId + "#attachments";
    }

    private static String problemKey(InputException e) {
        String field = e.problems().isEmpty() ? "file" : e.problems().get(0).field();
        if ("title".equals(field)) {
            return "attach.badTitle";
        }
        return file(e) ? "attach.noFile" : "attach.invalid";
    }

    private static boolean file(InputException e) {
        return e.problems().stream().anyMatch(p -> "file".equals(p.field()) && p.message().startsWith("is required"));
    }
}

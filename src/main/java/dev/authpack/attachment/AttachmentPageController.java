package dev.authpack.attachment;

import dev.authpack.core.ConflictException;
import dev.authpack.core.FieldProblem;
import dev.authpack.core.InputException;
import dev.authpack.web.FormOnPage;
import dev.authpack.web.LargeBodyBusyException;
import dev.authpack.web.PageController;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page's attachments: upload, open, remove, move up or down. The rules are the API's
 * ({@link AttachmentUploads}, {@link AttachmentChanges}); this class only turns their answers into
 * a message on the case page. A failed upload gives the typed title back, so it is not typed twice.
 *
 * <p>Every answer to an upload drops the browser's draft of the upload form (drafts.js, keyed as
 * cases/page.html keys it): uploaded, it is done with; refused, the title comes back from here with the
 * reason, and the draft would only add "not uploaded, choose the file again" to it. The draft is for an
 * upload that never got here (the session had ended).
 */
@Controller
@PageController
class AttachmentPageController {

    private static final String ANCHOR = "#attachments";
    private static final String DRAFT = ".attachment";

    private final AttachmentUploads uploads;
    private final AttachmentChanges changes;
    private final AttachmentResponses responses;

    AttachmentPageController(AttachmentUploads uploads, AttachmentChanges changes, AttachmentResponses responses) {
        this.uploads = uploads;
        this.changes = changes;
        this.responses = responses;
    }

    @PostMapping("/cases/{caseId}/attachments")
    @FormOnPage("/cases/{caseId}" + ANCHOR)
    String upload(@PathVariable UUID caseId, @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = "title", required = false) String title, RedirectAttributes redirect,
                  HttpServletRequest request) throws IOException {
        try {
            AttachmentUploads.refuseMisplacedParts(request);
            uploads.upload(caseId, file, title);
            redirect.addFlashAttribute("attachMessage", "attach.uploaded");
            return answered(caseId, redirect);
        } catch (MaxUploadSizeExceededException e) {
            redirect.addFlashAttribute("attachProblem", "attach.tooLarge");
        } catch (InputException e) {
            redirect.addFlashAttribute("attachProblem", problemKey(e));
            fileProblem(e).ifPresent(detail -> redirect.addFlashAttribute("attachDetail", detail));
        }
        redirect.addFlashAttribute("attachmentTitle", title);
        return answered(caseId, redirect);
    }

    /** Back to the case page after an upload was answered, its draft dropped (see the class comment). */
    private static String answered(UUID caseId, RedirectAttributes redirect) {
        redirect.addFlashAttribute("clearDraft", caseId + DRAFT);
        return back(caseId);
    }

    /**
     * No heap to spare for the upload right now (refused before the file was read): back to the case page
     * with "busy, try again" and the typed title, as for any refused upload.
     */
    @ExceptionHandler(LargeBodyBusyException.class)
    String busy(LargeBodyBusyException e, HttpServletRequest request, RedirectAttributes redirect) {
        return refusedBeforeHandling(request, "attach.busy", redirect);
    }

    /**
     * Another change to the case held it longer than the database waits (a large upload being stored): nothing
     * was changed; back to the case page saying so, with the typed title.
     */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    String caseBusy(PessimisticLockingFailureException e, HttpServletRequest request, RedirectAttributes redirect) {
        return refusedBeforeHandling(request, "attach.caseBusy", redirect);
    }

    /** Back to the case page the request was for, with the problem and the typed title (an exception handler has no path variables). */
    private static String refusedBeforeHandling(HttpServletRequest request, String problemKey, RedirectAttributes redirect) {
        @SuppressWarnings("unchecked")
        Map<String, String> vars = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        redirect.addFlashAttribute("attachProblem", problemKey);
        redirect.addFlashAttribute("attachmentTitle", request.getParameter("title"));
        return answered(UUID.fromString(vars.get("caseId")), redirect);
    }

    @GetMapping("/cases/{caseId}/attachments/{attachmentId}")
    ResponseEntity<byte[]> open(@PathVariable UUID caseId, @PathVariable UUID attachmentId) {
        return responses.pdf(changes.open(caseId, attachmentId));
    }

    @PostMapping("/cases/{caseId}/attachments/{attachmentId}/remove")
    String remove(@PathVariable UUID caseId, @PathVariable UUID attachmentId, RedirectAttributes redirect) {
        return said(caseId, "attach.removed", changes.remove(caseId, attachmentId), redirect);
    }

    @PostMapping("/cases/{caseId}/attachments/{attachmentId}/restore")
    String restore(@PathVariable UUID caseId, @PathVariable UUID attachmentId, RedirectAttributes redirect) {
        try {
            return said(caseId, "attach.restored", changes.restore(caseId, attachmentId), redirect);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("attachProblem", "attach.restoreFull");
            return back(caseId);
        }
    }

    @InitBinder
    void directions(WebDataBinder binder) {
        binder.registerCustomEditor(AttachmentChanges.Direction.class, new DirectionEditor());
    }

    /**
     * Any direction but up or down comes back naming the field, nothing moved ({@link FormOnPage}); it moved the
     * attachment down. None is down, as it was.
     */
    @PostMapping("/cases/{caseId}/attachments/{attachmentId}/move")
    @FormOnPage("/cases/{caseId}" + ANCHOR)
    String move(@PathVariable UUID caseId, @PathVariable UUID attachmentId,
                @RequestParam(name = "direction", defaultValue = "down") AttachmentChanges.Direction way,
                RedirectAttributes redirect) {
        changes.move(caseId, attachmentId, way);
        redirect.addFlashAttribute("attachMessage", way == AttachmentChanges.Direction.UP ? "attach.movedUp" : "attach.movedDown");
        return back(caseId);
    }

    /** Back to the case page, which says what was done to which attachment (by its title). */
    private static String said(UUID caseId, String messageKey, AttachmentView attachment, RedirectAttributes redirect) {
        redirect.addFlashAttribute("attachMessage", messageKey);
        redirect.addFlashAttribute("attachMessageTitle", attachment.title());
        return back(caseId);
    }

    private static String back(UUID caseId) {
        return "redirect:/cases/" + caseId + ANCHOR;
    }

    private static String problemKey(InputException e) {
        String field = e.problems().isEmpty() ? "file" : e.problems().get(0).field();
        if ("title".equals(field)) {
            return "attach.badTitle";
        }
        return noFile(e) ? "attach.noFile" : "attach.fileProblem";
    }

    private static boolean noFile(InputException e) {
        return e.problems().stream().anyMatch(p -> "file".equals(p.field()) && p.message().startsWith("is required"));
    }

    /**
     * What is wrong with the chosen file, in the upload rules' own words ("is an encrypted PDF: upload an
     * unprotected copy", "would bring this case's attachments to 71.7 MB; …"): the page shows "The file …",
     * so a clerk learns what to do instead of only that something was wrong.
     */
    private static Optional<String> fileProblem(InputException e) {
        return e.problems().stream().filter(p -> "file".equals(p.field()) && !p.message().startsWith("is required"))
                .map(FieldProblem::message).findFirst();
    }
}

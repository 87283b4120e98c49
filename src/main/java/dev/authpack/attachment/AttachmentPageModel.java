package dev.authpack.attachment;

import dev.authpack.web.PageController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the pages the upload limit as {@code attachmentMaxBytes} (the smaller of ours and the
 * servlet's, {@link AttachmentLimits#pageMaxBytes}), so the case page can refuse a larger file before
 * sending it, and as {@code attachmentLimit} in words for its messages. A model value, because Thymeleaf does not evaluate bean calls in
 * attribute values it writes into the page.
 */
@ControllerAdvice(annotations = PageController.class)
class AttachmentPageModel {

    private final AttachmentLimits limits;

    AttachmentPageModel(AttachmentLimits limits) {
        this.limits = limits;
    }

    @ModelAttribute("attachmentMaxBytes")
    long attachmentMaxBytes() {
        return limits.pageMaxBytes();
    }

    /** The same limit in words for "larger than the upload limit of 25 MB", whichever layer refused the file. */
    @ModelAttribute("attachmentLimit")
    String attachmentLimit() {
        return limits.pageLimitText();
    }
}

package dev.authpack.attachment;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The upload size limit ({@code authpack.attachments.max-bytes}), read by the upload rules and by
 * the case page ({@link AttachmentPageModel}), which refuses a larger file before sending it.
 */
@Component
class AttachmentLimits {

    private final long maxBytes;

    AttachmentLimits(@Value("${authpack.attachments.max-bytes:26214400}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }
}

package dev.authpack.attachment;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The upload size limit ({@code authpack.attachments.max-bytes}), read by the upload rules, and the
 * limit the case page checks a chosen file against ({@link AttachmentPageModel}): the smaller of that
 * and the servlet's multipart limits ({@code spring.servlet.multipart.max-file-size} and
 * {@code max-request-size}). A file over a multipart limit is refused before the form is read, so
 * the page must not send one, or the typed title is lost.
 */
@Component
class AttachmentLimits {

    /**
     * What the upload form sends besides the file (title, CSRF token, part headers, the file's name):
     * a few kilobytes, kept generous so that a file the page lets through is never over the request limit.
     */
    static final long FORM_ROOM = 64 * 1024;

    private final long maxBytes;
    private final long pageMaxBytes;

    AttachmentLimits(@Value("${authpack.attachments.max-bytes:26214400}") long maxBytes,
                     ObjectProvider<MultipartConfigElement> multipart) {
        this.maxBytes = maxBytes;
        this.pageMaxBytes = pageLimit(maxBytes, multipart.getIfAvailable());
    }

    long maxBytes() {
        return maxBytes;
    }

    /** The largest file the case page sends; larger ones it refuses itself, keeping what was typed. */
    long pageMaxBytes() {
        return pageMaxBytes;
    }

    /** The page's limit as the messages state it ("25 MB"), so a clerk knows what size of file would go. */
    String pageLimitText() {
        return readable(pageMaxBytes);
    }

    /**
     * Bytes as a clerk reads them, in the binary units the settings use ({@code 25MB} is 25 MiB): "25 MB",
     * "1.5 MB", "960 KB". Rounded down, so that a file of the size stated is taken.
     */
    static String readable(long bytes) {
        long mib = 1024 * 1024;
        if (bytes >= mib) {
            long tenths = bytes * 10 / mib;
            return (tenths % 10 == 0 ? String.valueOf(tenths / 10) : tenths / 10 + "." + tenths % 10) + " MB";
        }
        return bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    /** A multipart limit of zero or less means none (the servlet's convention). */
    static long pageLimit(long maxBytes, MultipartConfigElement multipart) {
        long limit = maxBytes;
        if (multipart != null && multipart.getMaxFileSize() > 0) {
            limit = Math.min(limit, multipart.getMaxFileSize());
        }
        if (multipart != null && multipart.getMaxRequestSize() > 0) {
            limit = Math.min(limit, Math.max(0, multipart.getMaxRequestSize() - FORM_ROOM));
        }
        return limit;
    }
}

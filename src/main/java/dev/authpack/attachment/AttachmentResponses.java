package dev.authpack.attachment;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * An attachment's PDF as the API and the case page serve it: shown in the browser, never cached. Its file
 * name is the title typed at upload, which often names the patient ("Dana Reyes - intake notes"), so it
 * follows the clinic's choice for documents ({@code authpack.documents.file-name}): a pattern without
 * {@code {lastName}} and {@code {firstName}} keeps patient data out of the {@code Content-Disposition}
 * header of every download (docs/security.md), and then an attachment is saved as {@code attachment-<id>.pdf}.
 */
@Component
class AttachmentResponses {

    private final boolean namesPatient;

    AttachmentResponses(@Value("${authpack.documents.file-name:{lastName}-{firstName}-{kind}-{date}}") String pattern) {
        this.namesPatient = pattern == null || pattern.isBlank()
                || pattern.contains("{lastName}") || pattern.contains("{firstName}");
    }

    ResponseEntity<byte[]> pdf(AttachmentStore.Opened opened) {
        AttachmentView attachment = opened.attachment();
        String name = namesPatient ? fileName(attachment.title()) : "attachment-" + attachment.id() + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .cacheControl(CacheControl.noStore())
                .eTag("\"" + attachment.sha256() + "\"")
                .body(opened.bytes());
    }

    /** The title as a plain ASCII file name: the title is typed text, and a header must not carry its quotes or line breaks. */
    static String fileName(String title) {
        String plain = title.replaceAll("(?i)\\.pdf$", "").replaceAll("[^A-Za-z0-9._ -]+", "-").strip();
        if (plain.length() > 80) {
            plain = plain.substring(0, 80);
        }
        return (plain.isEmpty() ? "attachment" : plain) + ".pdf";
    }
}

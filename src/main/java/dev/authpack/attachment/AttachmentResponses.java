package dev.authpack.attachment;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An attachment's PDF as the API and the case page serve it: shown in the browser, never cached. */
final class AttachmentResponses {

    private AttachmentResponses() {
    }

    static ResponseEntity<byte[]> pdf(AttachmentStore.Opened opened) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(fileName(opened.attachment().title())).build().toString())
                .cacheControl(CacheControl.noStore())
                .eTag("\"" + opened.attachment().sha256() + "\"")
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

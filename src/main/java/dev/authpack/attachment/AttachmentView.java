package dev.authpack.attachment;

import java.util.UUID;

/** An attachment as the API shows it: {@code {id, title, pages, sha256}} (sha256 of the stored, cleaned bytes). */
public record AttachmentView(UUID id, String title, int pages, String sha256) {
}

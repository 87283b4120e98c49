package dev.authpack.attachment;

import java.time.Instant;

/** An attachment taken out of the case: still on record, with who removed it and when, but in no new packet. */
record RemovedAttachment(String id, String title, int pages, Instant removedAt, String removedBy) {
}

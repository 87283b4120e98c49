package dev.authpack.casefile;

import dev.authpack.core.ShortReference;
import java.time.Instant;
import java.util.UUID;

/**
 * A saved case with its bookkeeping; what other features read. {@code updatedBy} and {@code updatedAt}
 * say who saved this version and when, so a clerk whose save was refused can be told who came first.
 */
public record StoredCase(UUID id, String clinicId, long version, CaseStatus status, boolean complete,
                         Instant createdAt, Instant updatedAt, String createdBy, String updatedBy, CaseData data) {

    /** The case's short reference, by which the audit log and Recent documents name it. */
    public String reference() {
        return ShortReference.of(id);
    }
}

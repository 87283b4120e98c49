package dev.authpack.casefile;

import java.time.Instant;
import java.util.UUID;

/** A saved case with its bookkeeping; what other features read. */
public record StoredCase(UUID id, String clinicId, long version, CaseStatus status, boolean complete,
                         Instant createdAt, Instant updatedAt, String createdBy, CaseData data) {
}

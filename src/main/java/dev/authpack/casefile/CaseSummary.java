package dev.authpack.casefile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of the case list (contract: {@code id, patientName, policyId, status, complete, updatedAt}).
 * Every member is written, {@code patientName} and {@code policyId} as null on a draft that has none,
 * instead of being left out: a client scanning the list reads them on every row, bare drafts included.
 * (The case itself still leaves out what the client did not send, so it round-trips as sent.)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CaseSummary(UUID id, String patientName, String policyId, CaseStatus status, boolean complete,
                          Instant updatedAt) {
}

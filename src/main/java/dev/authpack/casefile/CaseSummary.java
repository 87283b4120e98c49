package dev.authpack.casefile;

import java.time.Instant;
import java.util.UUID;

/** One row of the case list (contract: {@code id, patientName, policyId, status, complete, updatedAt}). */
public record CaseSummary(UUID id, String patientName, String policyId, CaseStatus status, boolean complete,
                          Instant updatedAt) {
}

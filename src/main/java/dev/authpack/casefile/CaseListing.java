package dev.authpack.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the case list and the duplicate-patient check know about a case, read from the list columns
 * beside the document (never the document itself), so listing a clinic's cases costs a row each. The
 * version tells which of the case's documents were made before its last change.
 */
public record CaseListing(UUID id, String patientName, String firstName, String lastName, LocalDate dateOfBirth,
                          String memberId, String payerName, String policyId, LocalDate requestedStart,
                          CaseStatus status, boolean complete, Instant createdAt, Instant updatedAt, long version) {

    /** The row as the JPQL query builds it; the id is stored as text. */
    CaseListing(String id, String patientName, String firstName, String lastName, LocalDate dateOfBirth,
                String memberId, String payerName, String policyId, LocalDate requestedStart, CaseStatus status,
                boolean complete, Instant createdAt, Instant updatedAt, long version) {
        this(UUID.fromString(id), patientName, firstName, lastName, dateOfBirth, memberId, payerName, policyId,
                requestedStart, status, complete, createdAt, updatedAt, version);
    }

    /** The contract's list item. */
    public CaseSummary summary() {
        return new CaseSummary(id, patientName, policyId, status, complete, updatedAt);
    }
}

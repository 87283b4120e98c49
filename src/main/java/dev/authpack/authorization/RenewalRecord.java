package dev.authpack.authorization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reauthorization case and the case whose approval it renews. Written once. */
@Entity
@Table(name = "case_renewals")
class RenewalRecord {

    @Id
    @Column(name = "case_id")
    private String caseId;
    @Column(name = "previous_case_id", nullable = false, updatable = false)
    private String previousCaseId;
    @Column(name = "clinic_id", nullable = false, updatable = false)
    private String clinicId;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected RenewalRecord() {
    }

    RenewalRecord(String caseId, String previousCaseId, String clinicId, Instant createdAt) {
        this.caseId = caseId;
        this.previousCaseId = previousCaseId;
        this.clinicId = clinicId;
        this.createdAt = createdAt;
    }

    String caseId() {
        return caseId;
    }

    String previousCaseId() {
        return previousCaseId;
    }

    Instant createdAt() {
        return createdAt;
    }
}

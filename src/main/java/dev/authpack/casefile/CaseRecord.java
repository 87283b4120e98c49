package dev.authpack.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The stored form of a case: the case document as JSON plus the columns the list filters on.
 * Never bound from a request; {@link CaseService} builds and changes it.
 */
@Entity
@Table(name = "cases")
class CaseRecord {

    @Id
    private String id;
    @Column(name = "clinic_id", nullable = false, updatable = false)
    private String clinicId;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;
    @Column(name = "policy_id")
    private String policyId;
    @Column(name = "patient_name")
    private String patientName;
    // the name lower-cased by PatientNameKey, which Recent documents searches (V124)
    @Column(name = "patient_name_key")
    private String patientNameKey;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status;
    @Column(nullable = false)
    private boolean complete;
    @Version
    private long version;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(nullable = false)
    private String data;
    // copies of what the document says, for the list's search and sort (V114); rewritten on every save
    @Column(name = "patient_first_name")
    private String patientFirstName;
    @Column(name = "patient_last_name")
    private String patientLastName;
    @Column(name = "birth_date")
    private LocalDate birthDate;
    @Column(name = "member_id")
    private String memberId;
    @Column(name = "payer_name")
    private String payerName;
    @Column(name = "requested_start")
    private LocalDate requestedStart;

    protected CaseRecord() {
    }

    CaseRecord(String id, String clinicId, String createdBy, Instant now) {
        this.id = id;
        this.clinicId = clinicId;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void replace(String json, CaseData document, boolean complete, String user, Instant now) {
        this.data = json;
        this.policyId = document.policyId();
        String name = document.patient().fullName();
        this.patientName = name.isEmpty() ? null : name;
        this.patientNameKey = PatientNameKey.of(patientName);
        this.patientFirstName = document.patient().firstName();
        this.patientLastName = document.patient().lastName();
        this.birthDate = document.patient().dateOfBirth();
        this.memberId = document.patient().memberId();
        this.payerName = document.coverage().payerName();
        this.requestedStart = document.request().startDate();
        this.complete = complete;
        this.status = CaseStatus.of(complete);
        this.updatedBy = user;
        this.updatedAt = now;
    }

    String id() {
        return id;
    }

    String clinicId() {
        return clinicId;
    }

    String createdBy() {
        return createdBy;
    }

    String updatedBy() {
        return updatedBy;
    }

    String policyId() {
        return policyId;
    }

    String patientName() {
        return patientName;
    }

    CaseStatus status() {
        return status;
    }

    boolean complete() {
        return complete;
    }

    long version() {
        return version;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    String data() {
        return data;
    }
}

package dev.authpack.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the audit trail. Immutable once written: no setters. */
@Entity
@Table(name = "audit_events")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;
    @Column(updatable = false)
    private String username;
    @Column(name = "clinic_id", updatable = false)
    private String clinicId;
    @Column(nullable = false, updatable = false)
    private String action;
    @Column(name = "case_id", updatable = false)
    private String caseId;
    @Column(name = "document_id", updatable = false)
    private String documentId;
    @Column(name = "target_user", updatable = false)
    private String targetUser;
    @Column(nullable = false, updatable = false)
    private String outcome;
    @Column(name = "client_address", updatable = false)
    private String clientAddress;
    @Column(name = "grants_access_to", updatable = false)
    private String grantsAccessTo;
    @Column(updatable = false)
    private String detail;
    /** The set of cases a list read showed (audit_case_sets, V131), or null. */
    @Column(name = "cases_shown", updatable = false)
    private Long casesShown;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String username, String clinicId, String action, String caseId,
               String documentId, String targetUser, String outcome, String clientAddress) {
        this(occurredAt, username, clinicId, action, caseId, documentId, targetUser, outcome, clientAddress, null);
    }

    /** {@code grantsAccessTo}: the clinic whose patient data an administrator's change to an account opens. */
    AuditEvent(Instant occurredAt, String username, String clinicId, String action, String caseId,
               String documentId, String targetUser, String outcome, String clientAddress, String grantsAccessTo) {
        this.grantsAccessTo = grantsAccessTo;
        this.occurredAt = occurredAt;
        this.username = username;
        this.clinicId = clinicId;
        this.action = action;
        this.caseId = caseId;
        this.documentId = documentId;
        this.targetUser = targetUser;
        this.outcome = outcome;
        this.clientAddress = clientAddress;
    }

    /** A line that names what it concerns beyond case and document (ids and hashes only). */
    AuditEvent(Instant occurredAt, String username, String clinicId, String action, String outcome,
               String clientAddress, String detail) {
        this(occurredAt, username, clinicId, action, null, null, null, outcome, clientAddress);
        this.detail = detail;
    }

    /** A line about one case that also says what changed in it (ids and flags only). */
    AuditEvent(Instant occurredAt, String username, String clinicId, String action, String caseId, String outcome,
               String clientAddress, String detail) {
        this(occurredAt, username, clinicId, action, caseId, null, null, outcome, clientAddress);
        this.detail = detail;
    }

    /**
     * A line with every column: a refused request names what its path asked for and, for an attachment,
     * says so in {@code detail}. A constructor, not a factory that sets a field: nothing outside may change a row.
     */
    AuditEvent(Instant occurredAt, String username, String clinicId, String action, String caseId, String documentId,
               String targetUser, String outcome, String clientAddress, String grantsAccessTo, String detail) {
        this(occurredAt, username, clinicId, action, caseId, documentId, targetUser, outcome, clientAddress,
                grantsAccessTo);
        this.detail = detail;
    }

    /**
     * A list read: one line for the whole list, with {@code detail} saying how many cases it showed and
     * {@code casesShown} which (a stored set, or null when it showed none).
     */
    AuditEvent(Instant occurredAt, String username, String clinicId, String action, String clientAddress,
               String detail, Long casesShown) {
        this(occurredAt, username, clinicId, action, AuditOutcome.OK.name(), clientAddress, detail);
        this.casesShown = casesShown;
    }

    Long id() {
        return id;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String username() {
        return username;
    }

    String clinicId() {
        return clinicId;
    }

    String action() {
        return action;
    }

    String caseId() {
        return caseId;
    }

    String documentId() {
        return documentId;
    }

    String targetUser() {
        return targetUser;
    }

    String outcome() {
        return outcome;
    }

    String clientAddress() {
        return clientAddress;
    }

    String grantsAccessTo() {
        return grantsAccessTo;
    }

    String detail() {
        return detail;
    }

    Long casesShown() {
        return casesShown;
    }
}

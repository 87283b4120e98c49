package dev.authpack.authorization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcType;
import org.hibernate.type.descriptor.jdbc.LocalDateJdbcType;

/**
 * A case's authorization as its recorded events leave it (V117), rewritten in the transaction that
 * records each event, so pages that show every case's status read a row per case instead of replaying
 * the clinic's history. Never EXPIRED: that is read against today ({@link Lifecycle#asOf}).
 * <p>
 * The dates travel as {@code LocalDate} ({@link LocalDateJdbcType}: the driver's {@code getObject} and
 * {@code setObject}), not as {@code java.sql.Date} through a {@code Calendar} in the JVM's zone and back: the
 * worklist reads every row of the clinic on every view, and that conversion was two thirds of reading them at
 * a busy clinic (docs/performance.md, session 36). Only this table's dates, not every entity's
 * ({@code hibernate.type.java_time_use_direct_jdbc} would change the timestamps too).
 */
@Entity
@Table(name = "case_authorizations")
class CaseAuthorizationRecord {

    @Id
    @Column(name = "case_id")
    private String caseId;
    @Column(name = "clinic_id", nullable = false, updatable = false)
    private String clinicId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuthStatus status;
    @Column(name = "submitted_on")
    @JdbcType(LocalDateJdbcType.class)
    private LocalDate submittedOn;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Column(name = "payer_reference")
    private String payerReference;
    @Column(name = "decided_on")
    @JdbcType(LocalDateJdbcType.class)
    private LocalDate decidedOn;
    @Column(name = "authorization_number")
    private String authorizationNumber;
    @Column(name = "approved_from")
    @JdbcType(LocalDateJdbcType.class)
    private LocalDate approvedFrom;
    @Column(name = "approved_to")
    @JdbcType(LocalDateJdbcType.class)
    private LocalDate approvedTo;
    @Column(name = "approved_sessions")
    private Integer approvedSessions;
    @Column(name = "sessions_used", nullable = false)
    private int sessionsUsed;
    @Column(name = "sessions_left")
    private Integer sessionsLeft;
    @Column(name = "denial_reason")
    private String denialReason;
    @Column(name = "appeal_deadline")
    @JdbcType(LocalDateJdbcType.class)
    private LocalDate appealDeadline;

    protected CaseAuthorizationRecord() {
    }

    CaseAuthorizationRecord(UUID caseId, String clinicId) {
        this.caseId = caseId.toString();
        this.clinicId = clinicId;
    }

    /** Stores {@code a}, the replay of every event of the case (not read against a day). */
    CaseAuthorizationRecord set(Authorization a) {
        status = a.status();
        submittedOn = a.submittedOn();
        channel = a.channel();
        payerReference = a.payerReference();
        decidedOn = a.decidedOn();
        authorizationNumber = a.authorizationNumber();
        approvedFrom = a.approvedFrom();
        approvedTo = a.approvedTo();
        approvedSessions = a.approvedSessions();
        sessionsUsed = a.sessionsUsed();
        sessionsLeft = a.sessionsLeft();
        denialReason = a.denialReason();
        appealDeadline = a.appealDeadline();
        return this;
    }

    UUID caseId() {
        return UUID.fromString(caseId);
    }

    Authorization authorization() {
        return new Authorization(status, submittedOn, channel, payerReference, decidedOn, authorizationNumber,
                approvedFrom, approvedTo, approvedSessions, sessionsUsed, sessionsLeft, denialReason, appealDeadline);
    }
}

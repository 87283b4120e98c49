package dev.authpack.authorization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One recorded event. Append-only: every column is written once, there are no setters. */
@Entity
@Table(name = "authorization_events")
class EventRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id", nullable = false, updatable = false)
    private String caseId;
    @Column(name = "clinic_id", nullable = false, updatable = false)
    private String clinicId;
    @Column(nullable = false, updatable = false)
    private int seq;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EventType type;
    @Column(name = "event_date", nullable = false, updatable = false)
    private LocalDate date;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Channel channel;
    @Column(name = "payer_reference", updatable = false)
    private String payerReference;
    @Column(updatable = false)
    private String note;
    @Column(name = "authorization_number", updatable = false)
    private String authorizationNumber;
    @Column(name = "approved_from", updatable = false)
    private LocalDate approvedFrom;
    @Column(name = "approved_to", updatable = false)
    private LocalDate approvedTo;
    @Column(name = "approved_sessions", updatable = false)
    private Integer approvedSessions;
    @Column(updatable = false)
    private String reason;
    /** Billing codes, comma-separated (a code never contains a comma). */
    @Column(updatable = false)
    private String codes;
    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;
    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;
    /**
     * The warnings known only when the event was recorded (V133), comma-separated names; null for none
     * and for events recorded before the column existed. The replay's own (sessions) are not kept: the
     * timeline works them out again.
     */
    @Column(updatable = false)
    private String warnings;

    protected EventRecord() {
    }

    EventRecord(UUID caseId, String clinicId, int seq, EventData e, List<EventWarning> kept, String recordedBy,
                Instant recordedAt) {
        this.caseId = caseId.toString();
        this.clinicId = clinicId;
        this.seq = seq;
        this.type = e.type();
        this.date = e.date();
        this.channel = e.channel();
        this.payerReference = e.payerReference();
        this.note = e.note();
        this.authorizationNumber = e.authorizationNumber();
        this.approvedFrom = e.approvedFrom();
        this.approvedTo = e.approvedTo();
        this.approvedSessions = e.approvedSessions();
        this.reason = e.reason();
        this.codes = e.codes().isEmpty() ? null : String.join(",", e.codes());
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.warnings = kept.isEmpty() ? null : String.join(",", kept.stream().map(Enum::name).toList());
    }

    String caseId() {
        return caseId;
    }

    AuthEvent view() {
        List<String> codeList = codes == null ? List.of() : Arrays.asList(codes.split(","));
        List<EventWarning> kept = warnings == null ? List.of()
                : Arrays.stream(warnings.split(",")).map(EventWarning::valueOf).toList();
        return new AuthEvent(id, UUID.fromString(caseId), type, date, channel, payerReference, note,
                authorizationNumber, approvedFrom, approvedTo, approvedSessions, reason, codeList, recordedBy,
                recordedAt, kept);
    }
}

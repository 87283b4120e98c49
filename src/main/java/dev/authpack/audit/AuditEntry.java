package dev.authpack.audit;

import java.time.Instant;

/**
 * One audit event as the API and the admin page show it: ids and outcomes, never patient data.
 * {@code grantsAccessTo} flags an administrator's change that lets an account read a clinic's data.
 */
record AuditEntry(long id, Instant occurredAt, String username, String clinicId, String action, String caseId,
                  String documentId, String targetUser, String outcome, String clientAddress,
                  String grantsAccessTo, String detail) {

    static AuditEntry of(AuditEvent e) {
        return new AuditEntry(e.id(), e.occurredAt(), e.username(), e.clinicId(), e.action(), e.caseId(),
                e.documentId(), e.targetUser(), e.outcome(), e.clientAddress(), e.grantsAccessTo(), e.detail());
    }
}

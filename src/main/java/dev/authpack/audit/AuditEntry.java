package dev.authpack.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * One audit event as the API and the admin page show it: ids and outcomes, never patient data.
 * {@code grantsAccessTo} flags an administrator's change that lets an account read a clinic's data.
 * {@code documentKind} is the kind of the generated document the event names ("PACKET"), or null (an attachment,
 * no document, an id that names none): read from the document for the page's and the CSV's words, and not a member
 * of the API's answer, whose members the contract lists.
 */
record AuditEntry(long id, Instant occurredAt, String username, String clinicId, String action, String caseId,
                  String documentId, String targetUser, String outcome, String clientAddress,
                  String grantsAccessTo, String detail, @JsonIgnore String documentKind) {

    static AuditEntry of(AuditEvent e, String documentKind) {
        return new AuditEntry(e.id(), e.occurredAt(), e.username(), e.clinicId(), e.action(), e.caseId(),
                e.documentId(), e.targetUser(), e.outcome(), e.clientAddress(), e.grantsAccessTo(), e.detail(),
                documentKind);
    }
}

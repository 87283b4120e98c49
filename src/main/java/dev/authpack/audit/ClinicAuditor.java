package dev.authpack.audit;

import dev.authpack.security.ClinicChangedEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes an administrator's changes to clinics to the audit trail, in the change's own transaction
 * just before it commits (as account changes are): the administrator as actor, the clinic id as
 * detail. After the commit, a crash in between left a clinic created or renamed with no row saying who.
 */
@Component
class ClinicAuditor {

    private final AuditLog audit;

    ClinicAuditor(AuditLog audit) {
        this.audit = audit;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    public void clinicChanged(ClinicChangedEvent event) {
        audit.recordDetailWithWrite(switch (event.change()) {
            case CLINIC_CREATED -> AuditAction.CLINIC_CREATED;
            case CLINIC_RENAMED -> AuditAction.CLINIC_RENAMED;
        }, "clinic " + event.clinicId());
    }
}

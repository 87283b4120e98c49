package dev.authpack.audit;

import dev.authpack.security.ClinicChangedEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes an administrator's changes to clinics to the audit trail, once they are committed (as
 * account changes are): the administrator as actor, the clinic id as detail.
 */
@Component
class ClinicAuditor {

    private final AuditLog audit;

    ClinicAuditor(AuditLog audit) {
        this.audit = audit;
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void clinicChanged(ClinicChangedEvent event) {
        audit.recordDetail(switch (event.change()) {
            case CLINIC_CREATED -> AuditAction.CLINIC_CREATED;
            case CLINIC_RENAMED -> AuditAction.CLINIC_RENAMED;
        }, "clinic " + event.clinicId(), AuditOutcome.OK);
    }
}

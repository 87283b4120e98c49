package dev.authpack.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditLog;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.core.ConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/admin/backups} (ADMIN): an online backup of the embedded H2 database. */
@RestController
class BackupController {

    private final H2Backup backups;
    private final AuditLog audit;

    BackupController(H2Backup backups, AuditLog audit) {
        this.backups = backups;
        this.audit = audit;
    }

    @Operation(summary = "Take an online backup of the embedded database")
    // any other database (PostgreSQL: pg_dump, docs/deploy.md) is refused with 409
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @PostMapping("/api/v1/admin/backups")
    @ResponseStatus(HttpStatus.CREATED)
    H2Backup.Backup create() {
        // a backup holds every case, so an auditor needs the attempts that were refused or failed too
        try {
            H2Backup.Backup backup = backups.create();
            audit.record(AuditAction.BACKUP_CREATED, null, null, AuditOutcome.OK);
            return backup;
        } catch (ConflictException refused) {
            audit.record(AuditAction.BACKUP_CREATED, null, null, AuditOutcome.REJECTED);
            throw refused;
        } catch (RuntimeException failed) {
            audit.record(AuditAction.BACKUP_CREATED, null, null, AuditOutcome.FAILED);
            throw failed;
        }
    }
}

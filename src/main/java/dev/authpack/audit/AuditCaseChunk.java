package dev.authpack.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The cases of a set whose ids start with one hexadecimal digit (V131), named by every set that holds exactly
 * those cases of that digit.
 */
@Entity
@Table(name = "audit_case_chunks")
class AuditCaseChunk extends StoredCaseIds {

    protected AuditCaseChunk() {
    }

    AuditCaseChunk(String sha256, int size) {
        super(sha256, size);
    }
}

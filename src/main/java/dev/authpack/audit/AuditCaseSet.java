package dev.authpack.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A set of cases one or more list reads showed (V131), made of chunks. */
@Entity
@Table(name = "audit_case_sets")
class AuditCaseSet extends StoredCaseIds {

    protected AuditCaseSet() {
    }

    AuditCaseSet(String sha256, int size) {
        super(sha256, size);
    }
}

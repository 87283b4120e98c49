package dev.authpack.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A set of cases one or more list reads showed (V131), found again by the SHA-256 of its sorted ids. Never changed. */
@Entity
@Table(name = "audit_case_sets")
class AuditCaseSet {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, updatable = false)
    private String sha256;
    @Column(nullable = false, updatable = false)
    private int size;

    protected AuditCaseSet() {
    }

    AuditCaseSet(String sha256, int size) {
        this.sha256 = sha256;
        this.size = size;
    }

    Long id() {
        return id;
    }
}

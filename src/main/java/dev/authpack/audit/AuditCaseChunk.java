package dev.authpack.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The cases of a set whose ids start with one hexadecimal digit (V131): stored once, found again by the SHA-256
 * of its sorted ids, and named by every set that holds exactly those cases of that digit. Never changed.
 */
@Entity
@Table(name = "audit_case_chunks")
class AuditCaseChunk {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, updatable = false)
    private String sha256;
    @Column(nullable = false, updatable = false)
    private int size;

    protected AuditCaseChunk() {
    }

    AuditCaseChunk(String sha256, int size) {
        this.sha256 = sha256;
        this.size = size;
    }

    Long id() {
        return id;
    }
}

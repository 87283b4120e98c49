package dev.authpack.audit;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * What a set and a chunk of case ids (V131) both are: stored once, found again by the SHA-256 of the sorted ids
 * and their number, never changed. Their members are written by {@link AuditCaseSets} with JDBC batches.
 */
@MappedSuperclass
abstract class StoredCaseIds {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, updatable = false)
    private String sha256;
    @Column(nullable = false, updatable = false)
    private int size;

    protected StoredCaseIds() {
    }

    StoredCaseIds(String sha256, int size) {
        this.sha256 = sha256;
        this.size = size;
    }

    Long id() {
        return id;
    }
}

package dev.authpack.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.hibernate.annotations.Immutable;

/**
 * One case of a chunk (V131): mapped only so that {@link AuditSearch}'s criteria query can ask which chunks hold
 * a case. Written by {@link AuditCaseSets} with one JDBC batch, never through JPA, and never changed.
 */
@Entity
@Immutable
@Table(name = "audit_case_chunk_members")
@IdClass(AuditCaseChunkMember.Key.class)
class AuditCaseChunkMember {

    @Id
    @Column(name = "case_id", insertable = false, updatable = false)
    private String caseId;
    @Id
    @Column(name = "chunk_id", insertable = false, updatable = false)
    private Long chunkId;

    protected AuditCaseChunkMember() {
    }

    /** The composite key JPA asks of an entity with two ids. */
    static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String caseId;
        private Long chunkId;

        /** For JPA, which fills the fields itself. */
        Key() {
            this(null, null);
        }

        Key(String caseId, Long chunkId) {
            this.caseId = caseId;
            this.chunkId = chunkId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(caseId, k.caseId) && Objects.equals(chunkId, k.chunkId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(caseId, chunkId);
        }
    }
}

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
 * One chunk of a set (V131): mapped only so that {@link AuditSearch}'s criteria query can ask which sets hold a
 * chunk. Written by {@link AuditCaseSets} with one JDBC batch, never through JPA, and never changed.
 */
@Entity
@Immutable
@Table(name = "audit_case_set_chunks")
@IdClass(AuditCaseSetChunk.Key.class)
class AuditCaseSetChunk {

    @Id
    @Column(name = "chunk_id", insertable = false, updatable = false)
    private Long chunkId;
    @Id
    @Column(name = "set_id", insertable = false, updatable = false)
    private Long setId;

    protected AuditCaseSetChunk() {
    }

    /** The composite key JPA asks of an entity with two ids. */
    static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private Long chunkId;
        private Long setId;

        /** For JPA, which fills the fields itself. */
        Key() {
            this(null, null);
        }

        Key(Long chunkId, Long setId) {
            this.chunkId = chunkId;
            this.setId = setId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(chunkId, k.chunkId) && Objects.equals(setId, k.setId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(chunkId, setId);
        }
    }
}

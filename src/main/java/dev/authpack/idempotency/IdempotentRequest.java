package dev.authpack.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/**
 * One API write sent with an {@code Idempotency-Key} (V119): claimed before the write runs, then
 * either given the answer to replay or deleted when the write was refused. Always inserted, never
 * merged, so two requests with the same key cannot both believe they claimed it: the second insert
 * fails on the primary key.
 */
@Entity
@Table(name = "idempotent_requests")
class IdempotentRequest implements Persistable<String> {

    private static final int TARGET_LENGTH = 2000;
    // in the fingerprint column of a request that has no answer (status null), which has no fingerprint yet
    private static final String OUTCOME_UNKNOWN = "outcome-unknown";

    @Id
    private String id;
    @Column(nullable = false, updatable = false)
    private String username;
    @Column(nullable = false, updatable = false)
    private String method;
    @Column(nullable = false, updatable = false)
    private String target;
    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;
    private String fingerprint;
    private Integer status;
    @Column(name = "content_type")
    private String contentType;
    private String location;
    // small JSON answers, kept in the row (BYTEA on both databases; files use out-of-row BLOBs on H2)
    private byte[] body;
    @Transient
    private boolean stored;

    protected IdempotentRequest() {
    }

    IdempotentRequest(String id, String username, String method, String target, Instant startedAt) {
        this.id = id;
        this.username = username;
        this.method = method;
        this.target = bounded(target);
        this.startedAt = startedAt;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }

    void answered(String fingerprint, KeptAnswer answer) {
        this.fingerprint = fingerprint;
        this.status = answer.status();
        this.contentType = answer.contentType();
        this.location = answer.location();
        this.body = answer.body();
    }

    /** The request failed after a commit whose success was never confirmed: it may or may not have been done. */
    void markOutcomeUnknown() {
        if (inFlight()) {
            this.fingerprint = OUTCOME_UNKNOWN;
        }
    }

    boolean outcomeUnknown() {
        return inFlight() && OUTCOME_UNKNOWN.equals(fingerprint);
    }

    /** Whether the first request with this key is still being answered (or stopped before it was). */
    boolean inFlight() {
        return status == null;
    }

    boolean sameRequest(String method, String target, String fingerprint) {
        return this.method.equals(method) && this.target.equals(bounded(target)) && fingerprint.equals(this.fingerprint);
    }

    /**
     * The target as its column holds it (2,000 characters): a longer query string is cut, which the
     * comparison can afford because the fingerprint covers the whole target.
     */
    private static String bounded(String target) {
        return target.length() <= TARGET_LENGTH ? target : target.substring(0, TARGET_LENGTH);
    }

    Instant startedAt() {
        return startedAt;
    }

    String method() {
        return method;
    }

    String target() {
        return target;
    }

    KeptAnswer answer() {
        return new KeptAnswer(status, contentType, location, body);
    }
}

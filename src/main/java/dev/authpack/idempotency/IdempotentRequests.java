package dev.authpack.idempotency;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The kept requests and their answers. Every step is its own short transaction, none held while the
 * write runs: the claim is committed before the write starts (so a second request with the key sees it
 * from any instance), and the answer is committed before it is sent (so a retry after the answer was
 * lost finds it, even after the instance was killed).
 */
@Service
class IdempotentRequests {

    private final IdempotentRequestRepository rows;
    private final IdempotencyProperties settings;
    private final Clock clock;

    IdempotentRequests(IdempotentRequestRepository rows, IdempotencyProperties settings, Clock clock) {
        this.rows = rows;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Claims {@code id} for a request about to run: empty when this request holds it now, else the
     * request that held it first (still running, or answered). A key older than the retention is
     * forgotten first, so it starts a new request.
     */
    Optional<IdempotentRequest> claim(String id, String username, String method, String target) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = clock.instant();
            Instant expired = now.minus(settings.retention());
            Optional<IdempotentRequest> held = rows.findById(id);
            if (held.isPresent() && !held.get().startedAt().isBefore(expired)) {
                return held;
            }
            if (held.isPresent()) {
                forgetStartedBefore(expired);
            }
            try {
                rows.saveAndFlush(new IdempotentRequest(id, username, method, target, now));
                return Optional.empty();
            } catch (DataIntegrityViolationException sameKeyAtTheSameMoment) {
                // another request (on any instance) claimed it between the read and the insert: read it again
            }
        }
        return Optional.of(rows.findById(id).orElseThrow(() -> new IllegalStateException(
                "an idempotency key was claimed and freed three times in a row")));
    }

    /**
     * Whether {@code held}, still unanswered, was claimed so long ago that its instance must have stopped while
     * it ran: its write may or may not have been done, and waiting will not tell.
     */
    boolean interrupted(IdempotentRequest held) {
        return held.inFlight() && (held.outcomeUnknown()
                || held.startedAt().isBefore(clock.instant().minus(settings.interruptedAfter())));
    }

    /** Marks the key of a request that failed after a commit went unconfirmed: interrupted at once, never freed. */
    @Transactional
    void outcomeUnknown(String id) {
        rows.findById(id).ifPresent(IdempotentRequest::markOutcomeUnknown);
    }

    /** Keeps the answer of the request that claimed {@code id}, to be replayed. */
    @Transactional
    void answered(String id, String fingerprint, KeptAnswer answer) {
        rows.findById(id).ifPresent(r -> r.answered(fingerprint, answer));
    }

    /** Frees the key of a request that was refused or failed: the corrected request may use it. */
    void release(String id) {
        rows.deleteById(id);
    }

    /** Forgets every key claimed before {@code before}; returns how many. */
    int forgetStartedBefore(Instant before) {
        return rows.deleteStartedBefore(before);
    }

    /** Forgets the keys older than the retention; returns how many. */
    int forgetExpired() {
        return forgetStartedBefore(clock.instant().minus(settings.retention()));
    }
}

package dev.authpack.casefile;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The authorization a reauthorization case renews, as its packet states it: a payer judging a
 * continuation wants the sessions given under the approval it renews (domain FACTS, "for a
 * reauthorization"). The lifecycle answers it; the packet reads it through this port because it
 * sits beside the lifecycle, not above it.
 */
public interface RenewedAuthorizations {

    /** The authorization {@code stored} renews, or empty when it renews none (not started as a renewal). */
    Optional<Renewed> of(StoredCase stored);

    /** Absent values are null; {@code sessionsUsed} counts the sessions recorded as given. */
    record Renewed(String authorizationNumber, LocalDate approvedFrom, LocalDate approvedTo, Integer approvedSessions,
                   int sessionsUsed) {
    }
}

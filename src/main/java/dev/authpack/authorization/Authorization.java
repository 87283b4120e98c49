package dev.authpack.authorization;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * A case's authorization as the contract shows it (read-only; in the case and its list items). The
 * replay of the case's events as of a day, see {@link Lifecycle}. Absent values are null, and the API
 * shows them as null rather than leaving the member out (the one exception to its non-null answers): the
 * contract lists the object's members, so a client finds {@code decidedOn} on an undecided case, as null.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Authorization(AuthStatus status, LocalDate submittedOn, Channel channel, String payerReference,
                            LocalDate decidedOn, String authorizationNumber, LocalDate approvedFrom,
                            LocalDate approvedTo, Integer approvedSessions, int sessionsUsed, Integer sessionsLeft,
                            String denialReason, LocalDate appealDeadline) {

    /** A case nothing has been recorded for. */
    public static final Authorization NONE = new Authorization(AuthStatus.NOT_SUBMITTED, null, null, null, null, null,
            null, null, null, 0, null, null, null);
}

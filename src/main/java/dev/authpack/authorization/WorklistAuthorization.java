package dev.authpack.authorization;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What the worklist reads of a case's stored authorization (V117): the eight columns its rules use, of the
 * fifteen. The start page reads one per case that has events on every view (9,000 at a busy clinic); read as
 * entities, with every column and the persistence context's bookkeeping, they were a quarter of a view's CPU
 * on PostgreSQL (docs/performance.md, session 36).
 */
record WorklistAuthorization(UUID caseId, AuthStatus status, LocalDate submittedOn, LocalDate decidedOn,
                             LocalDate approvedTo, Integer approvedSessions, Integer sessionsLeft,
                             LocalDate appealDeadline) {

    /** The row as the JPQL query builds it; the id is stored as text. */
    WorklistAuthorization(String caseId, AuthStatus status, LocalDate submittedOn, LocalDate decidedOn,
                          LocalDate approvedTo, Integer approvedSessions, Integer sessionsLeft, LocalDate appealDeadline) {
        this(UUID.fromString(caseId), status, submittedOn, decidedOn, approvedTo, approvedSessions, sessionsLeft,
                appealDeadline);
    }

    /**
     * The authorization as the worklist's rules read it ({@link WorklistRules}, {@link Lifecycle#asOf}): the
     * members they never read (channel, payer reference, authorization number, approval start, sessions used,
     * denial reason) stay empty. Not for showing: the case page and the case list read the whole row.
     */
    Authorization authorization() {
        return new Authorization(status, submittedOn, null, null, decidedOn, null, null, approvedTo,
                approvedSessions, 0, sessionsLeft, null, appealDeadline);
    }
}

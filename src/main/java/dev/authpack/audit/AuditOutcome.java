package dev.authpack.audit;

/** How an audited action ended. Stored by name, like {@link AuditAction}. */
public enum AuditOutcome {
    OK,
    /** input refused (not a PDF, too large, …) */
    REJECTED,
    /** a packet over the page cap (authpack.packets.max-pages) */
    TOO_LARGE,
    /** the case misses what the document needs */
    INCOMPLETE,
    /** an estimate asked for on a case that cannot be priced */
    REJECTED_INCOMPLETE,
    /** someone else changed the case first */
    CONFLICT,
    /** document generation at capacity: answered 503, nothing stored */
    BUSY,
    FAILED, FORBIDDEN, NOT_FOUND,
    // sign-in
    BAD_CREDENTIALS, LOCKED, DISABLED,
    /** a failed sign-in under a name that is no account: the name is not recorded */
    UNKNOWN_USER,
    /**
     * a sign-in with the right password that did not hold: another transaction held the browser's session row, so
     * the session could not be stored under its new id; answered 503 "not signed in yet"
     */
    SESSION_BUSY,
    // a web session ended by the server: its account changed, or it reached its maximum lifetime
    REVOKED, EXPIRED
}

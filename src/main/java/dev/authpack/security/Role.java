package dev.authpack.security;

/** What a user may do; see the contract's role table. */
public enum Role {
    /** Creates, edits, validates and generates documents for its own clinic's cases. */
    BILLING,
    /** Reads its own clinic's cases and downloads their documents. */
    CLINIC,
    /** Manages users, sees policies and the audit log; no access to patient data. */
    ADMIN;

    String authority() {
        return "ROLE_" + name();
    }
}

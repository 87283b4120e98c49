package dev.authpack.security;

/** What a user may do; see the contract's role table. */
public enum Role {
    /** Creates, edits, validates and generates documents for its own clinic's cases. */
    BILLING,
    /** Reads its own clinic's cases and downloads their documents. */
    CLINIC,
    /** Manages users, sees policies and the audit log; no access to patient data. */
    ADMIN;

    /**
     * The page this role starts on, where "/" sends it. Named in one place because a redirect to it with a flag
     * must name the page itself: "/" and "/admin" redirect again and drop the flag.
     */
    public String startPage() {
        return this == ADMIN ? "/admin/users" : "/worklist";
    }

    String authority() {
        return "ROLE_" + name();
    }
}

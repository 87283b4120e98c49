package dev.authpack.authorization;

/** Where a case's prior authorization stands (contract v1.1, "After the packet"). */
public enum AuthStatus {
    NOT_SUBMITTED, SUBMITTED, PENDED, APPROVED, DENIED, APPEALED, WITHDRAWN,
    /** Derived, never recorded: APPROVED whose {@code approvedTo} is before today. */
    EXPIRED
}

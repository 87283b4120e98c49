package dev.authpack.authorization;

/** What happened to a case's authorization request; each recorded as one append-only event. */
enum EventType {
    SUBMITTED, PENDED, APPROVED, DENIED, APPEALED, WITHDRAWN, SESSION_GIVEN
}

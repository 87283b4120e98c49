package dev.authpack.security;

/**
 * Published when a web session is ended because it may not go on: {@code reason} is
 * {@code EXPIRED} (older than the maximum lifetime) or {@code REVOKED} (the password, role or clinic
 * changed, or the account was disabled or removed, after sign-in).
 */
public record SessionEndedEvent(String username, String clinicId, Reason reason) {

    /** Why the session ended. */
    public enum Reason { EXPIRED, REVOKED }
}

package dev.authpack.security;

/**
 * Published when an administrator creates a user or resets a password; the audit trail records
 * it with the administrator as actor.
 */
public record AccountChangedEvent(Change change, String targetUser, String targetClinicId) {

    /** What was done to the account. */
    public enum Change { USER_CREATED, PASSWORD_RESET }
}

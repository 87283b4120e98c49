package dev.authpack.security;

/**
 * Published when an administrator creates a user or resets a password; the audit trail records
 * it with the administrator as actor. {@code action} is e.g. USER_CREATED or PASSWORD_RESET.
 */
public record AccountChangedEvent(String action, String targetUser, String targetClinicId) {
}

package dev.authpack.security;

/** Published when repeated failed sign-ins lock an account, so the audit trail can record it. */
public record AccountLockedEvent(String username, String clinicId) {
}

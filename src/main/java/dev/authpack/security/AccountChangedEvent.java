package dev.authpack.security;

/**
 * Published when an administrator changes an account; the audit trail records it with the
 * administrator as actor. {@code grantsAccessTo} names the clinic whose patient data the change
 * lets someone read (a new clinic account, a clinic account's new password, a clinic account
 * enabled, unlocked or moved to a clinic), and is null for a change that grants none.
 */
public record AccountChangedEvent(Change change, String targetUser, String targetClinicId, String grantsAccessTo) {

    /** What was done to the account. */
    public enum Change { USER_CREATED, PASSWORD_RESET, USER_DISABLED, USER_ENABLED, ACCESS_CHANGED, USER_UNLOCKED, USER_RENAMED }

    static AccountChangedEvent of(Change change, UserAccount account, boolean grants) {
        return new AccountChangedEvent(change, account.username(), account.clinicId(),
                grants && account.role() != Role.ADMIN ? account.clinicId() : null);
    }
}

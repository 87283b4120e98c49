package dev.authpack.security;

/** A user as the admin page lists it: never the password hash. {@code displayName} is null when none was given. */
record UserView(String username, String displayName, Role role, String clinicId, boolean enabled, boolean locked) {

    static UserView of(UserAccount u, java.time.Instant now) {
        return new UserView(u.username(), u.displayName(), u.role(), u.clinicId(), u.enabled(), u.lockedAt(now));
    }
}

package dev.authpack.security;

/** A user as the admin page lists it: never the password hash. */
record UserView(String username, Role role, String clinicId, boolean enabled, boolean locked) {
}

package dev.authpack.security;

/** The signed-in user as the features see it: who, which clinic (null for ADMIN), which role. */
public record Actor(String username, String clinicId, Role role) {
}

package dev.authpack.security;

import java.io.Serializable;

/**
 * The signed-in user as the features see it: who, which clinic (null for ADMIN), which role.
 * Serializable because it travels inside the web session, which is stored in the database.
 */
public record Actor(String username, String clinicId, Role role) implements Serializable {

    private static final long serialVersionUID = 1L;
}

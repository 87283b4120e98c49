package dev.authpack.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the signed-in user from the security context of the current request. */
public final class Actors {

    private Actors() {
    }

    /** The current user; throws if the request is not authenticated (the filter chain forbids that). */
    public static Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AuthpackUser user) {
            return user.actor();
        }
        throw new IllegalStateException("no authenticated Authpack user");
    }

    /** The Authpack user behind an authentication (e.g. of a security event), or null. */
    public static Actor of(Authentication auth) {
        return auth != null && auth.getPrincipal() instanceof AuthpackUser user ? user.actor() : null;
    }

    /** The current user's name, or null outside an authenticated request. */
    public static String currentUsernameOrNull() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AuthpackUser user ? user.getUsername() : null;
    }
}

package dev.authpack.web;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Search text that may name a patient (a name, a member id, a birth date), kept in the signed-in
 * session instead of the address. The page's search form posts it, the handler keeps it here and
 * redirects to the page, and the page reads it back: so no patient data is ever part of a URL, a
 * bookmark, the browser's history or a proxy's access log. Each page keeps its own search under
 * its own attribute, so searching one list does not narrow another; and it is read back only by the
 * user who typed it.
 */
public final class SessionSearch {

    /** As long as the search fields accept ({@code maxlength="200"}); a longer post is cut. */
    public static final int MAX_LENGTH = 200;

    private final String attribute;

    /** A search kept under {@code attribute}: name it after the page's controller, which no other page shares. */
    public SessionSearch(String attribute) {
        this.attribute = attribute;
    }

    /** Keeps {@code text} for this session, stripped and cut to {@link #MAX_LENGTH}; null or blank clears it. */
    public void keep(HttpSession session, String text) {
        String kept = text == null ? "" : text.strip();
        session.setAttribute(attribute, new Kept(user(),
                kept.length() > MAX_LENGTH ? kept.substring(0, MAX_LENGTH) : kept));
    }

    /** The text kept for this session, or "" when there is none. */
    public String read(HttpSession session) {
        return session.getAttribute(attribute) instanceof Kept k && Objects.equals(k.user(), user()) ? k.text() : "";
    }

    /**
     * The text and who typed it. The session outlives a sign-in (its id changes, its attributes stay): another user
     * signing in in this browser without signing out was shown the text the first had searched for, a patient's
     * name or member id of perhaps another clinic, in the search box and as the filter of their own list.
     */
    private record Kept(String user, String text) implements Serializable {
    }

    private static String user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : auth.getName();
    }
}

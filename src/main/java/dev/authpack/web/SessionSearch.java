package dev.authpack.web;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Search text that may name a patient (a name, a member id, a birth date), kept in the signed-in
 * session instead of the address. The page's search form posts it, the handler keeps it here and
 * redirects to the page, and the page reads it back: so no patient data is ever part of a URL, a
 * bookmark, the browser's history or a proxy's access log. Each page keeps its own search under
 * its own attribute, so searching one list does not narrow another; and it is read back only by the
 * user who typed it.
 */
public final class SessionSearch {

    /**
     * As long as the search fields accept ({@code maxlength="200"}) and the contract's text fields are; a longer post
     * is refused ({@link #keep}).
     */
    public static final int MAX_LENGTH = 200;

    /** The flash attribute of a refused search ({@link TooLong}), read by the search box ({@code fields :: searchField}). */
    public static final String TOO_LONG = "searchTooLong";

    private final String attribute;

    /** A search kept under {@code attribute}: name it after the page's controller, which no other page shares. */
    public SessionSearch(String attribute) {
        this.attribute = attribute;
    }

    /**
     * Keeps {@code text} for this session, stripped; null or blank clears it. A text over {@link #MAX_LENGTH} characters
     * (only a script or a tampered form sends one: the box takes no more) is refused, not cut: it was cut silently, so
     * its first 200 characters were searched for and their matches shown as the answer, and the box showed a text
     * nobody typed. The search kept before stays, and {@code redirect} carries {@link #TOO_LONG} for the page to say why.
     *
     * @return whether the text was kept
     */
    public boolean keep(HttpSession session, String text, RedirectAttributes redirect) {
        String kept = text == null ? "" : text.strip();
        if (kept.length() > MAX_LENGTH) {
            redirect.addFlashAttribute(TOO_LONG, new TooLong(MAX_LENGTH, kept.length()));
            return false;
        }
        session.setAttribute(attribute, new Kept(user(), kept));
        return true;
    }

    /** The text kept for this session, or "" when there is none. */
    public String read(HttpSession session) {
        return session.getAttribute(attribute) instanceof Kept k && Objects.equals(k.user(), user()) ? k.text() : "";
    }

    /**
     * A search refused as too long: the most the box takes and how many characters were sent (never the text: it may
     * name a patient). Kept in the session as a flash attribute until the page shows it; public for the template.
     */
    public record TooLong(int max, int sent) implements Serializable {
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

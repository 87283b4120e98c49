package dev.authpack.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * A cookie that says only "this browser signed in and has not signed out since": set at sign-in, removed by
 * signing out. The session cookie cannot say it: the sign-in page has a session of its own (its form's token), so
 * after signing out the browser holds a cookie naming that session, which the idle timeout ends like any other; a
 * link followed then was told the session had ended without activity. A request sent to sign in without signing out
 * (its session ended) turns it from {@code 1}, signed in, to {@code 0}: no longer signed in, so a link followed later
 * from a sign-in page left open is not told again of a session that ended; but not signed out either, so a form
 * posted then from another tab is answered as after a timeout, its draft kept, not as after a sign-out. Removed
 * there, as it was, a timeout seen first by another tab was told "you had signed out in another tab". To
 * {@code ended} instead when the account changed or the session reached its longest: the form is then told that
 * reason, not inactivity, though a page in another tab met the ended session first. Its value is a
 * constant, nothing of the user or the session; otherwise it is made like the session cookie ({@code HttpOnly},
 * {@code SameSite=Strict}, {@code Secure} where that one is).
 *
 * <p>{@code Secure} as Spring Session decides it for the session cookie: {@code server.servlet.session.cookie.secure}
 * when it is set (the postgres profile sets it), else whether the request came over HTTPS, which behind a proxy is
 * its {@code X-Forwarded-Proto} (docs/deploy.md). Read from the setting alone, an instance on H2 behind a TLS proxy
 * sent this cookie without {@code Secure} beside a {@code Secure} session cookie.
 */
final class SignedInCookie {

    static final String NAME = "authpack-signed-in";
    private static final String SIGNED_IN = "1";
    private static final String SENT_TO_SIGN_IN = "0";
    /** Sent to sign in because {@link SessionValidityFilter} ended the session: account changed, longest lifetime. */
    private static final String ENDED = "ended";

    /** The setting, or null to follow the request. */
    private final Boolean secure;

    SignedInCookie(Boolean secure) {
        this.secure = secure;
    }

    void set(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, SIGNED_IN, -1));
    }

    /**
     * Sent to sign in because it is not signed in (its session ended): signed in no more, not signed out. Whether a
     * page or a form met the ended session first: a form answered "your session ended" and left {@code 1} was told
     * so again by the sign-in page's link followed after that page's own session ended. When
     * {@link SessionValidityFilter} ended it in this request, the cookie keeps why ({@link #endedNotForIdleness}): the
     * session is gone, and a form sent next from another tab was told of inactivity.
     */
    void sentToSignIn(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(SessionValidityFilter.ENDED) != null) {
            response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, ENDED, -1));
        } else if (signedIn(request)) {
            response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, SENT_TO_SIGN_IN, -1));
        }
    }

    /** Signed out: only then does the cookie go. */
    void clear(HttpServletRequest request, HttpServletResponse response) {
        if (value(request).isPresent()) {
            response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", 0));
        }
    }

    /** Signed in, and not sent to sign in since. */
    static boolean signedIn(HttpServletRequest request) {
        return value(request).filter(SIGNED_IN::equals).isPresent();
    }

    /** Sent to sign in since signing in because the account changed or the session reached its longest, not idle. */
    static boolean endedNotForIdleness(HttpServletRequest request) {
        return value(request).filter(ENDED::equals).isPresent();
    }

    /** Signed in once and not signed out since, whether the session lives on or not. */
    static boolean notSignedOut(HttpServletRequest request) {
        return value(request).isPresent();
    }

    private static Optional<String> value(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty()
                : Arrays.stream(cookies).filter(c -> NAME.equals(c.getName())).map(Cookie::getValue).findFirst();
    }

    private String cookie(HttpServletRequest request, String value, long maxAgeSeconds) {
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        return ResponseCookie.from(NAME, value).path(path).maxAge(maxAgeSeconds).httpOnly(true)
                .secure(secure != null ? secure : request.isSecure())
                .sameSite("Strict").build().toString();
    }
}

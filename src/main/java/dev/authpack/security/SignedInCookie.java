package dev.authpack.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * A cookie that says only "this browser signed in and has not signed out since": set at sign-in, removed by
 * signing out and whenever a request is sent to sign in again. The session cookie cannot say it: the sign-in
 * page has a session of its own (its form's token), so after signing out the browser holds a cookie naming that
 * session, which the idle timeout ends like any other; a link followed then was told the session had ended
 * without activity. Its value is a constant, nothing of the user or the session; otherwise it is made like the
 * session cookie ({@code HttpOnly}, {@code SameSite=Strict}, {@code Secure} where that one is).
 *
 * <p>{@code Secure} as Spring Session decides it for the session cookie: {@code server.servlet.session.cookie.secure}
 * when it is set (the postgres profile sets it), else whether the request came over HTTPS, which behind a proxy is
 * its {@code X-Forwarded-Proto} (docs/deploy.md). Read from the setting alone, an instance on H2 behind a TLS proxy
 * sent this cookie without {@code Secure} beside a {@code Secure} session cookie.
 */
final class SignedInCookie {

    static final String NAME = "authpack-signed-in";

    /** The setting, or null to follow the request. */
    private final Boolean secure;

    SignedInCookie(Boolean secure) {
        this.secure = secure;
    }

    void set(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "1", -1));
    }

    void clear(HttpServletRequest request, HttpServletResponse response) {
        if (present(request)) {
            response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", 0));
        }
    }

    static boolean present(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(c -> NAME.equals(c.getName()));
    }

    private String cookie(HttpServletRequest request, String value, long maxAgeSeconds) {
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        return ResponseCookie.from(NAME, value).path(path).maxAge(maxAgeSeconds).httpOnly(true)
                .secure(secure != null ? secure : request.isSecure())
                .sameSite("Strict").build().toString();
    }
}

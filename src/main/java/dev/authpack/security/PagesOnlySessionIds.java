package dev.authpack.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * Reads the web session's cookie everywhere but under {@code /api/}: the API signs in with HTTP Basic on
 * every call and keeps no session, yet a call that carried the browser's cookie along (a script sharing the
 * browser's cookies, a browser that was once asked for Basic credentials there) loaded that session. It then
 * renamed it (Spring Security's session-fixation protection, run for the Basic sign-in), so the clerk's other
 * tabs, still holding the old name, were signed out; and it saved it, so it waited for the session's row as
 * the clerk's pages do and failed with a 500 after the database's lock timeout when another transaction held it.
 */
final class PagesOnlySessionIds implements HttpSessionIdResolver {

    private final HttpSessionIdResolver delegate;

    PagesOnlySessionIds(HttpSessionIdResolver delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<String> resolveSessionIds(HttpServletRequest request) {
        return isApi(request) ? List.of() : delegate.resolveSessionIds(request);
    }

    @Override
    public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
        delegate.setSessionId(request, response, sessionId);
    }

    @Override
    public void expireSession(HttpServletRequest request, HttpServletResponse response) {
        delegate.expireSession(request, response);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}

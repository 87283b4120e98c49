package dev.authpack.web;

import dev.authpack.core.LockWaits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 503 when a request fails because the database cannot be reached or a row it needed stayed held
 * past the lock timeout ({@link HeldRow}), and 507 when it fails because
 * the disk is full ({@link StorageFull}), wherever it failed: in
 * sign-in, in the web session (kept in the database), in a page or in its error page. It sits outside
 * the session filter, and writes a fixed page (resources web/unavailable.html) or problem+json itself, since
 * rendering a template or saving the session would need the database again: without it a browser got
 * Tomcat's bare "HTTP Status 500" page during a database restart, and the log a stack trace per request.
 * API calls whose failure the API's handler sees get the same problem from there ({@link ApiProblemHandler}).
 * "Busy" here is what no page's own handler caught: signing out while the web session's row is held (its delete
 * waits for the row) was a 500 error page; signing in then (it renames the session) lost the sign-in without a word.
 * Signing in gets a page of its own, since the busy page's "You are still signed in" would be untrue there.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);
    /** The sign-in form's address (SecurityConfig's login page, which the form posts back to). */
    private static final String SIGN_IN = "/login";

    private final byte[] page = page("/web/unavailable.html");
    private final byte[] fullPage = page("/web/storage-full.html");
    private final byte[] busyPage = page("/web/busy.html");
    private final byte[] busySignInPage = page("/web/busy-sign-in.html");
    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            // a full disk first: the embedded database closes itself when its disk fills ("database closed")
            boolean full = StorageFull.causedBy(e);
            boolean busy = !full && LockWaits.gaveUp(e);
            if (!full && !busy && !DatabaseOutage.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            if (full) {
                log.warn("Disk full: answered 507 ({})", e.getClass().getName());
            } else if (busy) {
                log.warn("A row the request needed stayed held past the lock timeout: answered 503 ({})",
                        e.getClass().getName());
            } else {
                log.warn("Database not reachable: answered 503 ({})", e.getClass().getName());
            }
            response.reset();
            response.setStatus(full ? 507 : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(full ? StorageFull.RETRY_AFTER_SECONDS
                    : busy ? HeldRow.RETRY_AFTER_SECONDS : DatabaseOutage.RETRY_AFTER_SECONDS));
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
            boolean html = !api && acceptsHtml(request);
            // reset() dropped the security headers; the page is static, with only the stylesheet to load
            response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setContentType(html ? "text/html;charset=UTF-8" : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(html ? (full ? fullPage : busy ? busyPage(request) : page)
                    : problem(request, full, busy));
        }
    }

    private byte[] busyPage(HttpServletRequest request) {
        boolean signingIn = "POST".equals(request.getMethod())
                && (request.getContextPath() + SIGN_IN).equals(request.getRequestURI());
        return signingIn ? busySignInPage : busyPage;
    }

    /** The same members as every other problem of this API (ProblemErrorController), with the path as instance. */
    private byte[] problem(HttpServletRequest request, boolean full, boolean busy) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", full ? StorageFull.TITLE : busy ? HeldRow.TITLE : DatabaseOutage.TITLE);
        problem.put("status", full ? 507 : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        problem.put("detail", full ? StorageFull.DETAIL : busy ? HeldRow.DETAIL : DatabaseOutage.DETAIL);
        problem.put("instance", request.getRequestURI());
        return json.writeValueAsBytes(problem);
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(MediaType.TEXT_HTML::isCompatibleWith);
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }

    private static byte[] page(String resource) {
        try (InputStream in = DatabaseOutageFilter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

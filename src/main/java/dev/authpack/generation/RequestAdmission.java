package dev.authpack.generation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a bounded number of requests work at once, the rest waiting in a {@link FairQueue} keyed by
 * sender, so that one sender's burst does not stand in front of everybody else's click. Runs before
 * sign-in, so a queue of password checks waits here too. Health checks and static files never wait.
 *
 * <p>The sender is the HTTP Basic user name as sent, else the session cookie, else the client
 * address: only a key for fairness, never checked, stored or logged here (authentication comes later).
 *
 * <p>It also knows whether anybody is waiting for a short answer ({@link #busy}): the generation pool
 * lends its reserved core to packets only while nobody is.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestAdmission extends OncePerRequestFilter {

    private final FairQueue queue;
    private final RequestAdmissionProperties settings;
    private final ThreadLocal<FairQueue.Ticket> current = new ThreadLocal<>();
    /** Requests here, waiting in line or at work, less those that only wait for their document. */
    private final AtomicInteger serving = new AtomicInteger();

    RequestAdmission(RequestAdmissionProperties settings) {
        this.settings = settings;
        this.queue = new FairQueue(settings.concurrency());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/actuator/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/images/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        serving.incrementAndGet();
        try {
            admitted(request, response, chain);
        } finally {
            serving.decrementAndGet();
        }
    }

    private void admitted(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        FairQueue.Ticket ticket;
        try {
            ticket = queue.enter(sender(request), settings.maxWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            busy(request, response);
            return;
        }
        if (ticket == null) {
            busy(request, response);
            return;
        }
        current.set(ticket);
        try {
            chain.doFilter(request, response);
        } finally {
            current.remove();
            queue.leave(ticket);
        }
    }

    /**
     * The current request only waits for a document from now on: its place goes to the next in line and
     * it no longer counts as {@link #busy}. Returns whether the caller is a request here, for {@link #resumed}.
     */
    boolean pauseCurrent() {
        FairQueue.Ticket ticket = current.get();
        if (ticket == null) {
            return false;
        }
        queue.pause(ticket);
        serving.decrementAndGet();
        return true;
    }

    /** The paused request has its document and is being served again (its place stays given away). */
    void resumed(boolean paused) {
        if (paused) {
            serving.incrementAndGet();
        }
    }

    /** Whether a request other than one waiting for its document is here, in line or at work. */
    boolean busy() {
        return serving.get() > 0;
    }

    /** API clients get problem+json; a person at a page gets a short page saying the same, with a way back. */
    private void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long seconds = settings.retryAfter().toSeconds();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String sentence = "The service is answering many requests right now. Nothing was changed; try again in "
                + seconds + " seconds.";
        if (wantsPage(request)) {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<title>Busy - Authpack</title></head><body><main><h1>Busy for a moment</h1><p>" + sentence
                    + "</p><p>Go back to your page with your browser's Back button (what you typed is still there) and"
                    + " send it again.</p></main></body></html>");
            return;
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Busy\",\"status\":503,\"detail\":\""
                + sentence + "\"}");
    }

    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !request.getRequestURI().startsWith("/api/") && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    static String sender(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return "u:" + (colon < 0 ? decoded : decoded.substring(0, colon));
            } catch (IllegalArgumentException badBase64) {
                // authentication refuses it later; for fairness it is just another anonymous sender
            }
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if ("JSESSIONID".equals(c.getName())) {
                    return "s:" + c.getValue();
                }
            }
        }
        return "a:" + request.getRemoteAddr();
    }
}

package dev.authpack.idempotency;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditLog;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.security.Actor;
import dev.authpack.security.Actors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * An API {@code POST} sent with an {@code Idempotency-Key} header runs once: a retry with the same key
 * and the same request gets the first answer again (marked {@code Idempotent-Replayed: true}) instead
 * of a second case, packet, upload or event; the same key with another request is refused (422); a
 * retry while the first is still running waits its turn (409 with {@code Retry-After}). Keys belong to
 * the signed-in user in their clinic and are kept for {@code authpack.idempotency.retention}.
 *
 * <p>Only successful answers are kept: a refused request frees its key, so the corrected request can
 * be sent with it, unless it failed after a commit whose success the database never confirmed (the
 * connection lost mid-commit, {@link UnconfirmedCommits}): its write may be stored, so a retry is told at
 * once that it was interrupted rather than run again. The answer is stored before it is sent, so one that reached the client is never
 * lost to a crash; a request that had not been answered when its instance died leaves its key taken
 * until the retention ends: once {@code authpack.idempotency.interrupted-after} has passed, a retry is
 * told it was interrupted (409 without {@code Retry-After}: check for the result, send a new key).
 *
 * <p>After sign-in (the key is the user's) and before the endpoint; it follows the IETF draft
 * "The Idempotency-Key HTTP Header Field" (draft-ietf-httpapi-idempotency-key-header).
 */
@Component
class IdempotencyKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyFilter.class);
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Pattern CASE_ID = Pattern.compile("/api/v1/cases/([0-9a-fA-F-]{36})(/|$)");
    /**
     * What a kept answer's Location names besides a case: a document (packet, estimate, appeal) or an attachment;
     * or what the request's own path names (an attachment put back).
     */
    private static final Pattern DOCUMENT_ID =
            Pattern.compile("/api/v1/(?:documents|cases/[0-9a-fA-F-]{36}/attachments)/([0-9a-fA-F-]{36})(/|$)");

    private final IdempotentRequests requests;
    private final AuditLog audit;
    private final JsonMapper json;

    IdempotencyKeyFilter(IdempotentRequests requests, AuditLog audit, JsonMapper json) {
        this.requests = requests;
        this.audit = audit;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (Collections.list(request.getHeaders(HEADER)).stream().map(k -> unquoted(k.strip())).distinct().count() > 1) {
            // which of two keys a retry should match cannot be known: taking the first would run it twice
            problem(response, 400, "Invalid input", "Send one " + HEADER + " per request; this one had two different keys.",
                    Map.of("errors", List.of(new HeaderError(HEADER, "sent twice with different keys: send one key"))));
            return;
        }
        String key = unquoted(request.getHeader(HEADER).strip());
        if (!VISIBLE_ASCII.matcher(key).matches()) {
            problem(response, 400, "Invalid input", HEADER + " must be 1 to 255 visible ASCII characters (a UUID is a good key).",
                    Map.of("errors", List.of(new HeaderError(HEADER,
                            "must be 1 to 255 visible ASCII characters, such as a UUID"))));
            return;
        }
        Actor actor = actorOrNull();
        if (actor == null) {
            chain.doFilter(request, response);
            return;
        }
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        byte[] partsDigest = null;
        if (RequestFingerprint.isMultipart(request)) {
            try {
                partsDigest = RequestFingerprint.partsDigest(request);
            } catch (IOException | ServletException | RuntimeException unreadable) {
                // too large or malformed: the endpoint refuses it in its own words, and nothing is kept
                chain.doFilter(request, response);
                return;
            }
        }
        String id = id(actor, key);
        Optional<IdempotentRequest> first;
        try {
            first = requests.claim(id, actor.username(), request.getMethod(), target);
        } catch (DataAccessException claimFailed) {
            // the claim may be stored although its answer was lost; nothing ran, so the key is freed for the retry
            release(id);
            throw claimFailed;
        }
        if (first.isPresent()) {
            answerRetry(request, response, first.get(), target, partsDigest);
            return;
        }
        runFirst(request, response, chain, id, target, partsDigest);
    }

    private void runFirst(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String id,
                          String target, byte[] partsDigest) throws ServletException, IOException {
        RequestFingerprint.Digesting digesting = partsDigest == null ? new RequestFingerprint.Digesting(request) : null;
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(digesting == null ? request : digesting, answer);
            int status = answer.getStatus();
            if (status >= 200 && status < 300) {
                byte[] body = partsDigest != null ? partsDigest : digesting.finish();
                String fingerprint = RequestFingerprint.of(request.getMethod(), target,
                        RequestFingerprint.mediaType(request), body);
                keep(id, fingerprint, new KeptAnswer(status, answer.getContentType(),
                        answer.getHeader(HttpHeaders.LOCATION), answer.getContentAsByteArray()));
                kept = true;
            }
        } finally {
            if (!kept && UnconfirmedCommits.in(request)) {
                outcomeUnknown(id);
            } else if (!kept) {
                release(id);
            }
            answer.copyBodyToResponse();
        }
    }

    /** The write may be stored (its commit was never confirmed): a retry is told to check, never run again. */
    private void outcomeUnknown(String id) {
        try {
            requests.outcomeUnknown(id);
        } catch (DataAccessException e) {
            log.warn("An idempotency key whose request may have been done could not be marked so ({}); a retry is told"
                    + " it is in progress until it counts as interrupted", e.getClass().getSimpleName());
        }
    }

    /** Stores the answer; if the database cannot, the key stays taken (a retry is told to check), never freed. */
    private void keep(String id, String fingerprint, KeptAnswer answer) {
        try {
            requests.answered(id, fingerprint, answer);
        } catch (DataAccessException e) {
            log.warn("The answer of an idempotent request could not be kept ({}); its key stays taken until it expires",
                    e.getClass().getSimpleName());
        }
    }

    private void release(String id) {
        try {
            requests.release(id);
        } catch (DataAccessException e) {
            log.warn("An idempotency key could not be freed ({}); it is freed when it expires", e.getClass().getSimpleName());
        }
    }

    private void answerRetry(HttpServletRequest request, HttpServletResponse response, IdempotentRequest first,
                             String target, byte[] partsDigest) throws IOException {
        if (first.inFlight()) {
            boolean interrupted = requests.interrupted(first);
            String began = "A request with this " + HEADER + " began at "
                    + DateTimeFormatter.ISO_INSTANT.format(first.startedAt().truncatedTo(ChronoUnit.SECONDS));
            if (interrupted) {
                // no Retry-After: a client that follows it would retry until the key expires, a day later
                problem(response, 409, "Request interrupted", began + " and was never answered: "
                        + (first.outcomeUnknown() ? "the service lost its database connection while saving it"
                                : "the service stopped while it ran")
                        + ", so it may or may not have been done. Check whether its result is there, and"
                        + " if it is not, send the request again with a new key.", Map.of());
            } else {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                problem(response, 409, "Request in progress", began + " and has not been answered yet. Send it again"
                        + " in a moment to get its answer. If the service stopped while it ran, check whether its result"
                        + " is there before sending the request with a new key.", Map.of());
            }
            return;
        }
        byte[] body = partsDigest != null ? partsDigest : RequestFingerprint.bodyDigest(request);
        String fingerprint = RequestFingerprint.of(request.getMethod(), target, RequestFingerprint.mediaType(request), body);
        if (!first.sameRequest(request.getMethod(), target, fingerprint)) {
            problem(response, 422, "Idempotency-Key reused", "This " + HEADER + " was sent with another request ("
                    + first.method() + " " + pathOf(first.target()) + " with its own body). Use a new key for a new request.",
                    Map.of());
            return;
        }
        KeptAnswer kept = first.answer();
        audit.recordDocumentDetail(AuditAction.REQUEST_REPLAYED, caseIdIn(first.target(), kept.location()),
                documentIdIn(first.target(), kept.location()), first.method() + " " + pathOf(first.target()), AuditOutcome.OK);
        response.setStatus(kept.status());
        response.setHeader(REPLAYED, "true");
        if (kept.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, kept.location());
        }
        if (kept.contentType() != null) {
            response.setContentType(kept.contentType());
        }
        if (kept.body() != null) {
            response.setContentLength(kept.body().length);
            response.getOutputStream().write(kept.body());
        }
    }

    /** An {@code errors[]} entry, as {@code core.FieldProblem} writes one: this package sits below core. */
    private record HeaderError(String field, String message) {
    }

    private void problem(HttpServletResponse response, int status, String title, String detail,
                         Map<String, Object> members) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(members);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }

    /** One key per user and clinic: a user moved to another clinic does not get the old clinic's answers. */
    static String id(Actor actor, String key) {
        byte[] bytes = (actor.username() + "\n" + actor.clinicId() + "\n" + key).getBytes(StandardCharsets.UTF_8);
        return java.util.HexFormat.of().formatHex(RequestFingerprint.sha256().digest(bytes));
    }

    /** The draft sends the key as a structured-field string ("..."); plain keys are taken as they are. */
    private static String unquoted(String key) {
        return key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"") ? key.substring(1, key.length() - 1) : key;
    }

    private static String pathOf(String target) {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /**
     * The case the replayed answer is about, for the audit trail: the case its Location names, else the path's.
     * The Location comes first because it names what the answer holds: a renewal's answer is the new case,
     * patient and all, while its path names the case it was made from (which {@code detail} keeps), so a
     * replay of it was recorded under the old case and not found by whoever asked who saw the new one.
     * Documents' Locations name no case: their replay is recorded under the path's case.
     */
    private static String caseIdIn(String target, String location) {
        for (String s : new String[] {location, target}) {
            if (s != null) {
                Matcher m = CASE_ID.matcher(s);
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    /**
     * The document or attachment the replayed answer holds (its id, kind and hash; an attachment's title), for the
     * audit trail: its Location names it, else the path (putting a removed attachment back answers 200 with the
     * attachment and no Location). Recorded under the case alone, the replay of a packet, estimate, upload or
     * restore was not found by whoever asked the trail who was given that document.
     */
    private static String documentIdIn(String target, String location) {
        for (String s : new String[] {location, pathOf(target)}) {
            if (s != null) {
                Matcher m = DOCUMENT_ID.matcher(s);
                if (m.find()) {
                    return m.group(1).toLowerCase(Locale.ROOT);
                }
            }
        }
        return null;
    }

    private static Actor actorOrNull() {
        try {
            return Actors.current();
        } catch (IllegalStateException notSignedIn) {
            return null;
        }
    }
}

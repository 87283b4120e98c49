package dev.authpack.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Before an endpoint that reads a large body runs, reserves the heap it will need from the
 * {@link MemoryBudget}: the body's size (its Content-Length, or the endpoint's limit when the length is
 * unknown) times what that kind of body costs per byte. A request that cannot get its share within
 * {@code authpack.uploads.max-wait} is refused with {@link LargeBodyBusyException} before a byte of its
 * body is read or anything is stored. The share is given back when the request ends, however it ends.
 *
 * <p>An interceptor rather than a filter: it runs after sign-in (an anonymous sender holds no share) and
 * after the handler is chosen, so the refusal reaches the API's and the pages' own exception handlers.
 */
@Component
class LargeBodyAdmission implements HandlerInterceptor {

    private static final String HELD = LargeBodyAdmission.class.getName() + ".held";
    /** A policy file is at most a million characters, up to 4 bytes each in UTF-8. */
    private static final long POLICY_LIMIT = 4L * 1_000_000;

    private final MemoryBudget budget;
    private final UploadBudgetProperties settings;
    private final List<LargeBody> bodies;

    LargeBodyAdmission(MemoryBudget budget, UploadBudgetProperties settings,
                       @Value("${authpack.fhir.max-bundle-bytes:41943040}") long bundleLimit,
                       @Value("${spring.servlet.multipart.max-request-size:26MB}") DataSize multipartLimit) {
        this.budget = budget;
        this.settings = settings;
        long form = multipartLimit.toBytes() > 0 ? multipartLimit.toBytes() : bundleLimit;
        this.bodies = List.of(
                new LargeBody("/api/v1/fhir/import", bundleLimit, settings.fhirFactor()),
                new LargeBody("/cases/import", form, settings.fhirFactor()),
                new LargeBody("/api/v1/cases/{caseId}/attachments", form, settings.attachmentFactor()),
                new LargeBody("/cases/{caseId}/attachments", form, settings.attachmentFactor()),
                new LargeBody("/api/v1/policies", POLICY_LIMIT, settings.policyFactor()),
                new LargeBody("/admin/policies", POLICY_LIMIT, settings.policyFactor()));
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod()) || request.getAttribute(HELD) != null) {
            return true; // an async dispatch of a request that holds its share already
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        for (LargeBody body : bodies) {
            if (body.pattern().matches(path)) {
                request.setAttribute(HELD, reserve(body.estimate(request.getContentLengthLong())));
                return true;
            }
        }
        return true;
    }

    private Reservation reserve(long bytes) {
        Reservation held;
        try {
            held = budget.reserve(bytes, settings.maxWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            held = null;
        }
        if (held == null) {
            throw new LargeBodyBusyException(settings.retryAfter().toSeconds());
        }
        return held;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        if (request.getAttribute(HELD) instanceof Reservation held) {
            held.close();
            request.removeAttribute(HELD);
        }
    }

    /** An endpoint whose body may be large: its path, its size limit and its heap per byte. */
    private record LargeBody(PathPattern pattern, long limit, double factor) {

        LargeBody(String path, long limit, double factor) {
            this(PathPatternParser.defaultInstance.parse(path), limit, factor);
        }

        /** A body over the limit is refused by its reader before it is held, so the limit bounds the estimate. */
        long estimate(long contentLength) {
            long size = contentLength < 0 ? limit : Math.min(contentLength, limit);
            return (long) (size * factor);
        }
    }
}

package dev.authpack.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses an API write whose {@code Accept} header names nothing the answer could be written as,
 * before the write is done. Spring negotiates the answer's type only when it writes the answer, after
 * the controller has saved: a client sending {@code Accept: application/xml} got a 406 for a case that
 * had been created, and created another on every retry. A mapping that declares {@code produces} is
 * already checked by Spring before it runs; the rest answer JSON (or YAML, which the JSON converters'
 * sibling also writes), so that is what an {@code Accept} header must allow.
 */
final class AcceptCheckedBeforeWrites implements HandlerInterceptor {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** What an API endpoint without {@code produces} can answer: JSON and problem+json, or YAML. */
    static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"),
            MediaType.APPLICATION_YAML);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (!(handler instanceof HandlerMethod) || SAFE.contains(request.getMethod())) {
            return true;
        }
        Object declared = request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
        if (declared instanceof Set<?> types && !types.isEmpty()) {
            return true;
        }
        if (AcceptHeader.allows(request, ANSWERS)) {
            return true;
        }
        throw new HttpMediaTypeNotAcceptableException(ANSWERS);
    }
}

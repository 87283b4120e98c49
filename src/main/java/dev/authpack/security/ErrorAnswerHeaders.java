package dev.authpack.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Some refusals reach the error page without the request ever passing Spring Security's header
 * writer: Tomcat answers {@code TRACE} with 405 itself, and a body with both Content-Length and
 * chunked framing, or a bad chunk size, with 400. Their error page then went out with no CSP,
 * no nosniff, no frame and no cache rules. Every error dispatch gets them here, unless the original
 * request already set them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorAnswerHeaders extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getDispatcherType() != DispatcherType.ERROR;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!response.containsHeader("X-Content-Type-Options")) {
            SecurityHeaders.writeTo(response);
        }
        chain.doFilter(request, response);
    }
}

package dev.authpack.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last resolver: a failure no handler named (a page's; the API's own handler names every one)
 * would reach the servlet container, which logs it with its message, and a message may quote the
 * case ("value too long: Reyes, Dana …"). Logged here without messages ({@link RedactedTrace}), then
 * answered 500 through the same error page as before. Security's refusals still go to Spring
 * Security, which turns them into the sign-in page or 403.
 */
@Component
class QuietFailureResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(QuietFailureResolver.class);

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception e) {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException || response.isCommitted()) {
            return null;
        }
        if (DatabaseOutage.causedBy(e) || StorageFull.causedBy(e)) {
            // the error page would need the database too (the session, the header's user): DatabaseOutageFilter answers
            return null;
        }
        log.error("Unexpected failure of a page ({})", e.getClass().getName(), RedactedTrace.of(e));
        try {
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        } catch (IOException sendFailed) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

package dev.authpack.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Reads a page request's multipart body before its controller runs, so a body that does not parse (no boundary, cut
 * off: a script, never a browser) fails here as Spring's {@code MultipartException}, which the page advices answer
 * with the 400 page (413 over the upload limit). Parsing is lazy (spring.servlet.multipart.resolve-lazily) and a page
 * that never binds a parameter first read the body while its template ran (the layout's {@code param.resubmit}):
 * Tomcat threw there, past every exception handler, and the page was a 500 with a stack trace in the log.
 *
 * <p>Still lazy for what laziness is for: this runs after the handler is chosen, so the failure reaches that
 * controller's own answers, and after {@link LargeBodyAdmission}, so an upload's heap is reserved before its body is
 * read. The API is left to its handlers, which answer its bodies in problem+json and render no template.
 */
final class MultipartReadBeforePages implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // not again for the error page of a request whose body already failed: that page must render, not fail too
        if (request.getDispatcherType() == DispatcherType.REQUEST
                && request instanceof MultipartHttpServletRequest multipart) {
            multipart.getMultiFileMap(); // parses the body now; a failure is thrown as MultipartException
        }
        return true;
    }
}

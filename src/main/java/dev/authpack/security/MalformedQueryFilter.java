package dev.authpack.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query string Tomcat cannot decode ({@code ?q=50%ZZ}, a lone {@code %}) made every page and API call
 * that reads a parameter fail: Tomcat throws when the first parameter is read, the answer was a 500, and
 * where a page template read the parameter (the layout reads {@code param.resubmit}) Thymeleaf and the
 * servlet logged the exception, whose message quotes the value as sent: patient data typed into an
 * address reached the log (found by the PHI canary audit). Here the query string is decoded before
 * anything else reads it, and a bad one is answered 400 at once, logging nothing. For a form or multipart
 * body Tomcat would read the body along with the query, and parse an upload before its limits apply, so
 * there only the query string itself is checked, by the same rules Tomcat's decoder applies.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class MalformedQueryFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getQueryString() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!readable(request)) {
            refuse(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean readable(HttpServletRequest request) {
        if (hasBodyParameters(request)) {
            return QueryStrings.decodable(request.getQueryString());
        }
        try {
            request.getParameterMap();
            return true;
        } catch (IllegalStateException notDecoded) {
            // Tomcat's InvalidParameterException; its message holds the value, so neither it nor the value is kept
            return false;
        }
    }

    private static boolean hasBodyParameters(HttpServletRequest request) {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/");
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        BadRequestAnswer.write(request, response, "The URL's query string could not be read: a % not followed by two "
                + "hex digits, or bytes that are not UTF-8. Percent-encode every parameter value.",
                "The address could not be read.");
    }
}

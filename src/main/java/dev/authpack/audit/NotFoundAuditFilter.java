package dev.authpack.audit;

import dev.authpack.security.Actors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records a signed-in user's request for a case or document that is not theirs (or does not
 * exist): the 404 that clinic isolation answers. Together with ACCESS_DENIED this shows someone
 * probing for data beyond their clinic or role. Runs inside the security filter chain, after
 * the answer is known; anonymous requests are not recorded.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class NotFoundAuditFilter extends OncePerRequestFilter {

    private static final Pattern WATCHED = Pattern.compile("^(/api/v1)?/(cases|documents)/.+");

    private final AuditLog audit;

    NotFoundAuditFilter(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WATCHED.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_NOT_FOUND && Actors.currentUsernameOrNull() != null) {
            RequestedIds asked = RequestedIds.in(request.getRequestURI());
            audit.recordRefusal(AuditAction.NOT_FOUND, asked, AuditOutcome.NOT_FOUND);
        }
    }
}

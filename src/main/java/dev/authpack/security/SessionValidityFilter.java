package dev.authpack.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in web session at its next request when it may not go on: the account's session
 * epoch moved (password changed or reset, role or clinic changed, account disabled) or the session
 * is older than the maximum lifetime. The epoch is read from the user's row, so this holds across
 * instances and with any session store. The request then continues as anonymous: pages redirect to
 * the sign-in page. Not a bean: the web filter chain alone adds it.
 */
class SessionValidityFilter extends OncePerRequestFilter {

    /** Set on a request whose session this filter ended, so that the sign-in page it is sent to can say why. */
    static final String ENDED = SessionValidityFilter.class.getName() + ".ended";

    private final UserAccountRepository users;
    private final SessionProperties sessions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SessionValidityFilter(UserAccountRepository users, SessionProperties sessions, Clock clock,
                          ApplicationEventPublisher events) {
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AuthpackUser user) {
            SessionEndedEvent.Reason reason = reasonToEnd(user);
            if (reason != null) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                request.setAttribute(ENDED, reason);
                events.publishEvent(new SessionEndedEvent(user.getUsername(), user.actor().clinicId(), reason));
            }
        }
        chain.doFilter(request, response);
    }

    private SessionEndedEvent.Reason reasonToEnd(AuthpackUser user) {
        if (!clock.instant().isBefore(user.signedInAt().plus(sessions.maxLifetime()))) {
            return SessionEndedEvent.Reason.EXPIRED;
        }
        Optional<Long> epoch = users.sessionEpochIfEnabled(user.getUsername());
        return epoch.isPresent() && epoch.get() == user.sessionEpoch() ? null : SessionEndedEvent.Reason.REVOKED;
    }
}

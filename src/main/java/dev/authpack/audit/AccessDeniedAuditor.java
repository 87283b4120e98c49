package dev.authpack.audit;

import dev.authpack.security.Actors;
import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records a signed-in user's request that their role does not allow (a 403): an insider probing
 * is what an audit should show. Anonymous requests are not recorded: they are simply asked to
 * sign in, and would flood the trail.
 */
@Component
class AccessDeniedAuditor {

    private final AuditLog audit;

    AccessDeniedAuditor(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    public void denied(AuthorizationDeniedEvent<?> event) {
        Authentication auth = event.getAuthentication().get();
        if (Actors.of(auth) == null) {
            return;
        }
        RequestedIds asked = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
                ? RequestedIds.in(attrs.getRequest().getRequestURI()) : RequestedIds.NONE;
        audit.recordRefusal(AuditAction.ACCESS_DENIED, asked, AuditOutcome.FORBIDDEN);
    }
}

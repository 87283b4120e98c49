package dev.authpack.audit;

import dev.authpack.security.AccountChangedEvent;
import dev.authpack.security.AccountLockedEvent;
import dev.authpack.security.Actor;
import dev.authpack.security.Actors;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes sign-ins to the audit trail. Form logins are recorded on success and failure. HTTP Basic
 * authenticates every API call, so its successes are not recorded as logins (each API action that
 * touches a case or document is recorded itself, with the user and address); its failures are,
 * as API_LOGIN.
 */
@Component
class LoginAuditor {

    static final int MAX_NAME = 100;

    private final AuditLog audit;

    LoginAuditor(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    public void signedIn(InteractiveAuthenticationSuccessEvent event) {
        Actor actor = Actors.of(event.getAuthentication());
        audit.recordFor(actor == null ? name(event.getAuthentication().getName()) : actor.username(),
                actor == null ? null : actor.clinicId(), AuditAction.LOGIN, AuditOutcome.OK);
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        audit.recordFor(name(event.getAuthentication().getName()), null, viaApi() ? AuditAction.API_LOGIN : AuditAction.LOGIN,
                outcome(event));
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void locked(AccountLockedEvent event) {
        audit.recordFor(event.username(), event.clinicId(), AuditAction.ACCOUNT_LOCKED, AuditOutcome.LOCKED);
    }

    @EventListener
    public void signedOut(LogoutSuccessEvent event) {
        Actor actor = Actors.of(event.getAuthentication());
        if (actor != null) {
            audit.recordFor(actor.username(), actor.clinicId(), AuditAction.LOGOUT, AuditOutcome.OK);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void accountChanged(AccountChangedEvent event) {
        audit.recordAccountChange(switch (event.change()) {
            case USER_CREATED -> AuditAction.USER_CREATED;
            case PASSWORD_RESET -> AuditAction.PASSWORD_RESET;
        }, event.targetUser(), AuditOutcome.OK);
    }

    private static AuditOutcome outcome(AbstractAuthenticationFailureEvent event) {
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            return AuditOutcome.BAD_CREDENTIALS;
        }
        if (event instanceof AuthenticationFailureLockedEvent) {
            return AuditOutcome.LOCKED;
        }
        if (event instanceof AuthenticationFailureDisabledEvent) {
            return AuditOutcome.DISABLED;
        }
        return AuditOutcome.FAILED;
    }

    private static boolean viaApi() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
                && attrs.getRequest().getRequestURI().startsWith("/api/");
    }

    /** The name as typed, cut to the column: it is attacker-controlled text, shown escaped. */
    private static String name(String typed) {
        if (typed == null) {
            return null;
        }
        return typed.length() <= MAX_NAME ? typed : typed.substring(0, MAX_NAME);
    }
}

package dev.authpack.audit;

import dev.authpack.security.AccountChangedEvent;
import dev.authpack.security.AccountLockedEvent;
import dev.authpack.security.Actor;
import dev.authpack.security.Actors;
import dev.authpack.security.KnownAccounts;
import dev.authpack.security.SessionEndedEvent;
import dev.authpack.security.SignInAnsweredEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes sign-ins to the audit trail. Form logins are recorded on failure, and with a right password once their
 * answer is known (signed in, or not because the session could not be stored). HTTP Basic
 * authenticates every API call, so its successes are not recorded as logins (each API action that
 * touches a case or document is recorded itself, with the user and address); its failures are,
 * as API_LOGIN.
 */
@Component
class LoginAuditor {

    static final int MAX_NAME = 100;

    private final AuditLog audit;
    private final KnownAccounts accounts;

    LoginAuditor(AuditLog audit, KnownAccounts accounts) {
        this.audit = audit;
        this.accounts = accounts;
    }

    /**
     * Once the sign-in's answer is known, not on Spring's success event: that comes before the session is stored
     * under its new id, and when storing it failed (the browser's session row held) the row said "signed in"
     * for a clerk who was told they were not.
     */
    @EventListener
    public void signedIn(SignInAnsweredEvent event) {
        Actor actor = Actors.of(event.authentication());
        audit.recordFor(actor == null ? name(event.authentication().getName()) : actor.username(),
                actor == null ? null : actor.clinicId(), AuditAction.LOGIN, switch (event.answer()) {
                    case SIGNED_IN -> AuditOutcome.OK;
                    case SESSION_BUSY -> AuditOutcome.SESSION_BUSY;
                    case NOT_STORED -> AuditOutcome.FAILED;
                });
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        String typed = event.getAuthentication().getName();
        // a name that is no account is often a password typed into the wrong field: never keep it
        String known = accounts.exists(typed) ? name(typed) : null;
        audit.recordFor(known, null, viaApi() ? AuditAction.API_LOGIN : AuditAction.LOGIN,
                known == null ? AuditOutcome.UNKNOWN_USER : outcome(event));
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

    /**
     * Before the change commits, in its transaction (every publisher, UserAdministration, is
     * transactional): after the commit, a crash in between left an account created, or its password
     * reset, with no row saying who did it. A publisher without a transaction would fail loudly
     * (fallbackExecution runs this at once, and the row needs a transaction) rather than go unrecorded.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    public void accountChanged(AccountChangedEvent event) {
        audit.recordAccountChangeWithWrite(switch (event.change()) {
            case USER_CREATED -> AuditAction.USER_CREATED;
            case PASSWORD_RESET -> AuditAction.PASSWORD_RESET;
            case USER_DISABLED -> AuditAction.USER_DISABLED;
            case USER_ENABLED -> AuditAction.USER_ENABLED;
            case ACCESS_CHANGED -> AuditAction.ACCESS_CHANGED;
            case USER_UNLOCKED -> AuditAction.USER_UNLOCKED;
            case USER_RENAMED -> AuditAction.USER_RENAMED;
        }, event.targetUser(), event.grantsAccessTo());
    }

    @EventListener
    public void sessionEnded(SessionEndedEvent event) {
        audit.recordFor(event.username(), event.clinicId(), AuditAction.SESSION_ENDED, switch (event.reason()) {
            case EXPIRED -> AuditOutcome.EXPIRED;
            case REVOKED -> AuditOutcome.REVOKED;
        });
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

    /** The name of an existing account, cut to the column: still attacker-chosen text, shown escaped. */
    private static String name(String typed) {
        if (typed == null) {
            return null;
        }
        return typed.length() <= MAX_NAME ? typed : typed.substring(0, MAX_NAME);
    }
}

package dev.authpack.security;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks an account after repeated wrong passwords (form login and HTTP Basic alike). A locked
 * account fails before its password is checked, so guessing on stops teaching anything; the
 * API still answers 401 and the login page the same message as for a wrong password.
 */
@Component
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final UserAccountRepository users;
    private final LockoutProperties lockout;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    LoginAttempts(UserAccountRepository users, LockoutProperties lockout, Clock clock,
                  ApplicationEventPublisher events) {
        this.users = users;
        this.lockout = lockout;
        this.clock = clock;
        this.events = events;
    }

    @EventListener
    @Transactional
    public void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        Instant now = clock.instant();
        if (users.countFailedLogin(username, now) == 0) {
            return; // no such account, or already locked
        }
        if (users.lockWhenOver(username, lockout.maxAttempts(), now.plus(lockout.duration())) == 1) {
            log.warn("Account {} locked for {} after {} failed sign-ins", username, lockout.duration(),
                    lockout.maxAttempts());
            String clinic = users.findById(username).map(UserAccount::clinicId).orElse(null);
            events.publishEvent(new AccountLockedEvent(username, clinic));
        }
    }

    /** HTTP Basic authenticates every API call: only touch the row when there is something to reset. */
    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AuthpackUser user && user.failuresToForget()) {
            users.clearFailedLogins(user.getUsername());
        }
    }
}

package dev.authpack.security;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The failed-sign-in count of each account, kept in the database row itself so that concurrent
 * attempts (several instances, a burst of parallel requests) can neither lose a count nor slip
 * past a lock. Each outcome is settled by one conditional update: the order in which those
 * updates commit is the order of the attempts, and a success that commits after a lock fails.
 */
@Component
class LoginAttempts {

    /** What became of a wrong password. */
    enum Failure {
        /** Counted against the limit (and possibly locked the account). */
        COUNTED,
        /** Not counted: a lock landed while this attempt was being checked. */
        ALREADY_LOCKED
    }

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

    /**
     * Counts a wrong password. The increment takes the row lock, so the check that follows (lock
     * when over the limit) sees exactly this attempt's count.
     */
    @Transactional
    Failure failed(String username) {
        Instant now = clock.instant();
        if (users.countFailedLogin(username, now) == 0) {
            return Failure.ALREADY_LOCKED;
        }
        if (users.lockWhenOver(username, lockout.maxAttempts(), now.plus(lockout.duration())) == 1) {
            log.warn("Account {} locked for {} after {} failed sign-ins", username, lockout.duration(),
                    lockout.maxAttempts());
            String clinic = users.findById(username).map(UserAccount::clinicId).orElse(null);
            events.publishEvent(new AccountLockedEvent(username, clinic));
        }
        return Failure.COUNTED;
    }

    /**
     * Settles a right password: true when the account is still open at this moment (and then its
     * failures are forgotten), false when a lock landed or the account was disabled meanwhile. HTTP
     * Basic authenticates every API call, so the row is written only when there is something to reset.
     */
    @Transactional
    boolean succeeded(UserAccount asRead) {
        Instant now = clock.instant();
        if (asRead.failedLogins() > 0 || asRead.lockedUntil() != null) {
            return users.clearFailedLoginsWhileOpen(asRead.username(), now) == 1;
        }
        return users.isOpen(asRead.username(), now);
    }
}

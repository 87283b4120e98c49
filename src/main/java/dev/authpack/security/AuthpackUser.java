package dev.authpack.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** Spring Security's user with the clinic it belongs to. */
class AuthpackUser extends User {

    // fixed, so a session written by one build is still read by the next (sessions are stored in the database)
    private static final long serialVersionUID = 1L;

    private final Actor actor;
    private final boolean failuresToForget;

    AuthpackUser(UserAccount account, boolean nonLocked) {
        super(account.username(), account.passwordHash(), account.enabled(), true, true, nonLocked,
                List.of(new SimpleGrantedAuthority(account.role().authority())));
        this.actor = new Actor(account.username(), account.clinicId(), account.role());
        this.failuresToForget = account.failedLogins() > 0 || account.lockedUntil() != null;
    }

    Actor actor() {
        return actor;
    }

    /** Whether the account had failed sign-ins (or a lock) on record when this sign-in began. */
    boolean failuresToForget() {
        return failuresToForget;
    }
}

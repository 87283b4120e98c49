package dev.authpack.security;

import java.time.Instant;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * Spring Security's user with the clinic it belongs to, and what a web session needs to know
 * whether it may go on: the account's session epoch at sign-in and the moment of sign-in. Holds
 * no password: it lives in the session.
 */
class AuthpackUser extends User {

    // fixed, so a session written by one build is still read by the next (sessions are stored in the database)
    private static final long serialVersionUID = 1L;

    private final Actor actor;
    private final long sessionEpoch;
    private final Instant signedInAt;

    AuthpackUser(UserAccount account, Instant signedInAt) {
        super(account.username(), "", account.enabled(), true, true, true,
                List.of(new SimpleGrantedAuthority(account.role().authority())));
        this.actor = new Actor(account.username(), account.clinicId(), account.role());
        this.sessionEpoch = account.sessionEpoch();
        this.signedInAt = signedInAt;
    }

    Actor actor() {
        return actor;
    }

    long sessionEpoch() {
        return sessionEpoch;
    }

    Instant signedInAt() {
        return signedInAt;
    }
}

package dev.authpack.security;

import org.springframework.stereotype.Component;

/**
 * Whether a typed user name names an account. The audit trail keeps the name of a failed sign-in
 * only when it does: an unknown "name" is often a password typed into the wrong field.
 */
@Component
public class KnownAccounts {

    private final UserAccountRepository users;

    KnownAccounts(UserAccountRepository users) {
        this.users = users;
    }

    public boolean exists(String username) {
        return username != null && !username.isEmpty() && users.existsById(username);
    }
}

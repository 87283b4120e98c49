package dev.authpack.security;

import dev.authpack.core.TypedText;
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
        return couldBeAName(username) && users.existsById(username);
    }

    /**
     * Whether {@code typed} may be looked up as a user name at all. A name with a character no user name has
     * (a NUL, a control character) names no account and is not asked of the database: PostgreSQL cannot
     * compare a NUL in text, and a sign-in under such a name was a 500 there where H2 answered 401.
     */
    static boolean couldBeAName(String typed) {
        return typed != null && !typed.isEmpty() && TypedText.isTypeable(typed);
    }
}

package dev.authpack.security;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password, form login and HTTP Basic alike. Replaces Spring's
 * DaoAuthenticationProvider, which (since Security 7) checks the password even of a locked account:
 * with any cache of correct passwords that answers the guess by its timing. Here an account that
 * is unknown, disabled or locked never has its password hash touched: the typed password is
 * hashed once against a fixed dummy hash instead, so every refusal costs the same one hash
 * computation as a wrong password, and the answer (a plain failure) is the same too.
 */
@Component
class AccountAuthenticationProvider implements AuthenticationProvider {

    private final UserAccountRepository users;
    private final LoginAttempts attempts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final VerifiedPasswords verified;
    private final CompletableFuture<String> dummyHash;

    AccountAuthenticationProvider(UserAccountRepository users, LoginAttempts attempts, PasswordEncoder encoder,
                                  Clock clock, VerifiedPasswords verified) {
        this.users = users;
        this.attempts = attempts;
        this.encoder = encoder;
        this.clock = clock;
        this.verified = verified;
        // the same algorithm and cost as real hashes, so the dummy check takes as long as a real one;
        // made beside start-up (one hash is ~0.1 s of a 2-core machine's start), ready long before a refusal
        this.dummyHash = CompletableFuture.supplyAsync(() -> encoder.encode(UUID.randomUUID().toString()), task -> {
            Thread maker = new Thread(task, "dummy-password-hash");
            maker.setDaemon(true);
            maker.start();
        });
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        UserAccount account = KnownAccounts.couldBeAName(username) ? users.findById(username).orElse(null) : null;
        if (account == null) {
            refuseWithoutCheck(password);
            throw new BadCredentialsException("Bad credentials");
        }
        if (!account.enabled()) {
            refuseWithoutCheck(password);
            throw new DisabledException("Account disabled");
        }
        if (account.lockedAt(clock.instant())) {
            refuseWithoutCheck(password);
            throw new LockedException("Account locked");
        }
        if (!verified.matches(account.username(), password, account.passwordHash())) {
            if (attempts.failed(account.username()) == LoginAttempts.Failure.ALREADY_LOCKED) {
                throw new LockedException("Account locked");
            }
            throw new BadCredentialsException("Bad credentials");
        }
        if (!attempts.succeeded(account)) {
            throw new LockedException("Account locked or disabled while signing in");
        }
        AuthpackUser user = new AuthpackUser(account, clock.instant());
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    /** Spends one hash computation on nothing, so a refusal takes as long as a wrong password. */
    private void refuseWithoutCheck(String password) {
        encoder.matches(password, dummyHash.join());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

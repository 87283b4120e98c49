package dev.authpack.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Failed sign-ins before an account is locked, and for how long. Set with
 * {@code authpack.security.lockout.max-attempts} and {@code authpack.security.lockout.duration}.
 */
@ConfigurationProperties("authpack.security.lockout")
record LockoutProperties(@DefaultValue("5") int maxAttempts, @DefaultValue("15m") Duration duration) {

    LockoutProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("authpack.security.lockout.max-attempts must be at least 1");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("authpack.security.lockout.duration must be positive");
        }
    }
}

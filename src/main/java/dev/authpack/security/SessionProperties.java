package dev.authpack.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a web session may last from sign-in however active it is
 * ({@code authpack.security.session.max-lifetime}, default 12 hours). The idle timeout is the
 * servlet container's {@code server.servlet.session.timeout}.
 */
@ConfigurationProperties("authpack.security.session")
record SessionProperties(@DefaultValue("12h") Duration maxLifetime) {

    SessionProperties {
        if (maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalArgumentException("authpack.security.session.max-lifetime must be positive");
        }
    }
}

package dev.authpack.completeness;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Today" for reports without a start date, and every timestamp the service stores; tests replace
 * it with a fixed clock. It ticks in microseconds because that is what H2 and PostgreSQL keep: with
 * nanoseconds, the answer to a write showed an {@code updatedAt} that a read of the same row did not.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemDefaultZone(), Duration.ofNanos(1_000));
    }
}

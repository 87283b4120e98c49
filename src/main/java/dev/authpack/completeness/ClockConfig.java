package dev.authpack.completeness;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
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
    Clock clock(ObjectProvider<HostClock> host) {
        return host.getIfAvailable(HostClock::system).clock();
    }
}

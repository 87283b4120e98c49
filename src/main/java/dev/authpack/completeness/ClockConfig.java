package dev.authpack.completeness;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * "Today" for reports without a start date, and every timestamp the service stores; tests replace
 * it with a fixed clock. It ticks in microseconds because that is what H2 and PostgreSQL keep: with
 * nanoseconds, the answer to a write showed an {@code updatedAt} that a read of the same row did not.
 * It tells the database's time, not the host's: instances whose host clocks disagree compare each
 * other's timestamps (DatabaseAlignedClock).
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(ObjectProvider<DataSource> dataSource, ObjectProvider<HostClock> host) {
        Clock local = host.getIfAvailable(HostClock::system).clock();
        DataSource database = dataSource.getIfAvailable();
        if (database == null) {
            return local; // a context without a database (a wiring test) has no one to agree with
        }
        DatabaseAlignedClock clock = new DatabaseAlignedClock(local, database);
        clock.align();
        return clock;
    }

    /** Each instance measures its own host clock against the database's, once a minute (no lock). */
    @Configuration(proxyBeanMethods = false)
    static class Realign {

        private final Clock clock;

        Realign(Clock clock) {
            this.clock = clock;
        }

        @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
        void realign() {
            if (clock instanceof DatabaseAlignedClock aligned) {
                aligned.align();
            }
        }
    }
}

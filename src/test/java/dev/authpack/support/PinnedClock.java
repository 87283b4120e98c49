package dev.authpack.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock tests move by hand, so "today" boundaries (14 days, the appeal deadline, expiry) are
 * checked to the day over real HTTP. Import {@link Config} into a {@code @SpringBootTest}; the
 * application's own clock bean stays, this one is primary.
 */
public final class PinnedClock extends Clock {

    private volatile Instant now = Instant.parse("2026-11-20T12:00:00Z");
    private volatile ZoneId zone = ZoneOffset.UTC;

    /** Noon UTC of the day, in UTC (what every test that does not care about zones pins). */
    public void today(LocalDate day) {
        zone = ZoneOffset.UTC;
        now = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    /**
     * An instant seen from the service's zone (its {@code TZ}): "today" is the zone's date, so an
     * evening in the Americas is already tomorrow in UTC, where timestamps are kept.
     */
    public void at(Instant instant, ZoneId serviceZone) {
        zone = serviceZone;
        now = instant;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, zone);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        PinnedClock pinnedClock() {
            return new PinnedClock();
        }
    }
}

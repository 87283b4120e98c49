package dev.authpack.completeness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * This instance's clock set to the database's. Several instances share one database and compare the
 * times each of them stored: an idempotency key claimed on one is "interrupted" or "past its retention"
 * to another, an account locked by one is still locked on another, a session's expiry written by one is
 * deleted by another. A host clock minutes or a day off (a resumed VM, a container on a bad host) made
 * those comparisons wrong; reading the database's clock puts every instance on one time, as ShedLock's
 * locks already are ({@code usingDbTime}). The offset is measured at start-up and once a minute, so a
 * request costs no query; while the database cannot be read the last offset stays.
 */
final class DatabaseAlignedClock extends Clock {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAlignedClock.class);
    /** An offset this small is the database round trip's noise, not a wrong clock: it is not applied. */
    private static final Duration NOISE = Duration.ofMillis(250);
    /** Beyond this the operator hears about it: the host clock needs NTP (docs/deploy.md). */
    private static final Duration WORTH_A_WARNING = Duration.ofSeconds(2);

    private final Clock local;
    private final JdbcTemplate jdbc;
    private volatile Duration offset = Duration.ZERO;

    DatabaseAlignedClock(Clock local, DataSource dataSource) {
        this.local = local;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Reads the database's clock and keeps how far this host's is from it. */
    void align() {
        Instant before = local.instant();
        OffsetDateTime database;
        try {
            database = jdbc.queryForObject("select current_timestamp", OffsetDateTime.class);
        } catch (RuntimeException unreachable) {
            log.debug("Could not read the database's clock; keeping the offset {}", offset, unreachable);
            return;
        }
        Instant after = local.instant();
        Instant middle = before.plus(Duration.between(before, after).dividedBy(2));
        Duration measured = Duration.between(middle, database.toInstant());
        if (measured.minus(offset).abs().compareTo(NOISE) < 0) {
            return;
        }
        String off = measured.abs().truncatedTo(ChronoUnit.MILLIS).toString().substring(2).toLowerCase(Locale.ROOT)
                + (measured.isNegative() ? " ahead of" : " behind");
        if (measured.abs().compareTo(WORTH_A_WARNING) > 0) {
            log.warn("This host's clock runs {} the database's; the service uses the database's time. Web sessions"
                    + " still expire by the host's: keep it right with NTP (docs/deploy.md, \"Clocks\")", off);
        } else {
            log.info("This host's clock runs {} the database's", off);
        }
        offset = measured.abs().compareTo(NOISE) < 0 ? Duration.ZERO : measured;
    }

    Duration offset() {
        return offset;
    }

    @Override
    public ZoneId getZone() {
        return local.getZone();
    }

    /** The same time in another zone, still following this clock's offset as it is measured again. */
    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : new InZone(this, zone);
    }

    @Override
    public Instant instant() {
        // microseconds, as the local clock ticks and as the databases keep them
        return local.instant().plus(offset).truncatedTo(ChronoUnit.MICROS);
    }

    private static final class InZone extends Clock {

        private final DatabaseAlignedClock aligned;
        private final ZoneId zone;

        InZone(DatabaseAlignedClock aligned, ZoneId zone) {
            this.aligned = aligned;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return aligned.withZone(other);
        }

        @Override
        public Instant instant() {
            return aligned.instant();
        }
    }
}

package dev.authpack.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/**
 * The offset rules of the clock that follows the database's: an offset under 250 ms is a round trip's
 * noise and is not applied; a new measurement within 250 ms of the kept offset changes nothing; the
 * database's time is compared with the middle of the round trip; while the database cannot be read the
 * last offset stays. The database is an in-memory H2 on this machine, so its clock is the JVM's; the
 * host's clock is one the test sets.
 */
class DatabaseAlignedClockOffsetTest {

    private static final EmbeddedDatabase H2 =
            new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build();

    @ParameterizedTest(name = "host {0} ms ahead: offset applied {1}")
    @CsvSource({"0, false", "100, false", "-150, false", "600, true", "-600, true", "3000, true", "-86400000, true"})
    void anOffsetUnderAQuarterSecondIsNoiseAndALargerOneIsApplied(long aheadMillis, boolean applied) {
        DatabaseAlignedClock clock = new DatabaseAlignedClock(Clock.offset(Clock.systemUTC(), Duration.ofMillis(aheadMillis)), H2);

        clock.align();

        if (applied) {
            assertThat(clock.offset().plusMillis(aheadMillis).abs()).isLessThan(Duration.ofMillis(200));
        } else {
            assertThat(clock.offset()).isZero();
        }
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofMillis(400));
    }

    @Test
    void aMeasurementCloseToTheKeptOffsetKeepsItAndAFarOneReplacesIt() {
        SettableClock host = new SettableClock(Duration.ofSeconds(10));
        DatabaseAlignedClock clock = new DatabaseAlignedClock(host, H2);
        clock.align();
        Duration kept = clock.offset();
        assertThat(kept.plusSeconds(10).abs()).isLessThan(Duration.ofMillis(200));

        host.ahead = Duration.ofSeconds(10).plusMillis(100);
        clock.align();
        assertThat(clock.offset()).as("100 ms from the kept offset is noise").isEqualTo(kept);

        host.ahead = Duration.ofSeconds(5);
        clock.align();
        assertThat(clock.offset().plusSeconds(5).abs()).isLessThan(Duration.ofMillis(200));

        host.ahead = Duration.ofMillis(50);
        clock.align();
        assertThat(clock.offset()).as("a host clock put right again: no offset").isZero();
    }

    /** A host clock that moves 20 s during the query: the database's time is that of the round trip's middle. */
    @Test
    void theDatabasesTimeIsComparedWithTheMiddleOfTheRoundTrip() {
        SteppingClock host = new SteppingClock(Instant.now().minusSeconds(10), Duration.ofSeconds(20));
        DatabaseAlignedClock clock = new DatabaseAlignedClock(host, H2);

        clock.align();

        assertThat(clock.offset().abs()).as("read at -10 s and +10 s: the middle is now").isLessThan(Duration.ofMillis(400));
    }

    @Test
    void whileTheDatabaseCannotBeReadTheLastOffsetStays() {
        SettableClock host = new SettableClock(Duration.ofMinutes(16));
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
        var database = new org.springframework.jdbc.datasource.DelegatingDataSource(H2) {
            @Override
            public java.sql.Connection getConnection() throws java.sql.SQLException {
                if (down.get()) {
                    throw new java.sql.SQLException("connection refused");
                }
                return super.getConnection();
            }
        };
        DatabaseAlignedClock clock = new DatabaseAlignedClock(host, database);
        clock.align();
        Duration measured = clock.offset();
        assertThat(measured.plusMinutes(16).abs()).isLessThan(Duration.ofMillis(200));

        down.set(true);
        host.ahead = Duration.ZERO;
        clock.align();

        assertThat(clock.offset()).isEqualTo(measured);
    }

    @Test
    void theTimeIsInMicrosecondsAndTheZoneIsTheHostClocksFollowingTheOffsetInAnyZone() {
        Instant at = Instant.parse("2026-11-30T12:00:00.123456789Z");
        ZoneId chicago = ZoneId.of("America/Chicago");
        SettableClock host = new SettableClock(Duration.ofHours(1));
        DatabaseAlignedClock clock = new DatabaseAlignedClock(host, H2);
        Clock inChicago = clock.withZone(chicago);
        host.fixed = at;

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-30T12:00:00.123456Z"));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);

        host.fixed = null;
        clock.align();
        host.fixed = at;
        assertThat(inChicago.getZone()).isEqualTo(chicago);
        assertThat(inChicago.instant()).isEqualTo(clock.instant()).isBefore(at.minusSeconds(3500));
        assertThat(inChicago.withZone(ZoneOffset.UTC)).isSameAs(clock);
        assertThat(inChicago.withZone(ZoneId.of("Asia/Tokyo")).instant()).isEqualTo(clock.instant());
    }

    /** The host's clock: the JVM's plus {@code ahead}, or {@code fixed} when set. */
    private static final class SettableClock extends Clock {
        volatile Duration ahead;
        volatile Instant fixed;

        SettableClock(Duration ahead) {
            this.ahead = ahead;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return fixed != null ? fixed : Instant.now().plus(ahead);
        }
    }

    /** A clock that moves {@code step} each time it is read. */
    private static final class SteppingClock extends Clock {
        private Instant next;
        private final Duration step;

        SteppingClock(Instant first, Duration step) {
            this.next = first;
            this.step = step;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized Instant instant() {
            Instant now = next;
            next = next.plus(step);
            return now;
        }
    }
}

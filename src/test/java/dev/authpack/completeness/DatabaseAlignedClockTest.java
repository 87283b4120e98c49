package dev.authpack.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.EmbeddedPostgresForTests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/** The service's clock tells the database's time whatever the host's clock says, on both databases. */
class DatabaseAlignedClockTest {

    @Test
    void aHostClockADayAheadTellsPostgresqlsTime() {
        DataSource postgres = new DriverManagerDataSource(EmbeddedPostgresForTests.newDatabase("aligned_clock"), "postgres", "");
        assertTellsTheDatabasesTime(postgres, Duration.ofDays(1));
        assertTellsTheDatabasesTime(postgres, Duration.ofMinutes(-16));
    }

    @Test
    void aHostClockADayAheadTellsH2sTime() {
        DataSource h2 = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build();
        assertTellsTheDatabasesTime(h2, Duration.ofDays(1));
        assertTellsTheDatabasesTime(h2, Duration.ofMinutes(-16));
    }

    @Test
    void aRightHostClockIsLeftAsItIs() {
        DataSource h2 = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build();
        DatabaseAlignedClock clock = new DatabaseAlignedClock(Clock.systemUTC(), h2);
        clock.align();
        assertThat(clock.offset()).as("a round trip's noise is not a wrong clock").isZero();
    }

    private static void assertTellsTheDatabasesTime(DataSource database, Duration hostAhead) {
        // the database runs on this machine, so its clock is the JVM's
        DatabaseAlignedClock clock = new DatabaseAlignedClock(Clock.offset(Clock.systemUTC(), hostAhead), database);
        clock.align();
        Instant now = Instant.now();
        assertThat(Duration.between(now, clock.instant()).abs()).as("host clock " + hostAhead + " ahead")
                .isLessThan(Duration.ofSeconds(2));
    }
}

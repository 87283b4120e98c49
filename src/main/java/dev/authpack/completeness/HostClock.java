package dev.authpack.completeness;

import java.time.Clock;
import java.time.Duration;

/**
 * The host's clock, from which the service's clock is made (ClockConfig). A bean of this type stands in
 * for a host whose clock is off, as a test of several instances needs: each context gets its own.
 */
public record HostClock(Clock clock) {

    /** The system clock in the JVM's zone, ticking in microseconds (what H2 and PostgreSQL keep). */
    static HostClock system() {
        return new HostClock(Clock.tick(Clock.systemDefaultZone(), Duration.ofNanos(1_000)));
    }
}

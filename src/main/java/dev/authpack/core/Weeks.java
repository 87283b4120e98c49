package dev.authpack.core;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The one rule for a trial's or course's length in weeks, used by the form, the checklist and the
 * packet alike: whole weeks, rounded down, from the days between the dates. Rounding down means a
 * figure never makes a trial look long enough when it is not (41 days is 5 weeks, not 6); payer
 * minimums are checked on the days themselves.
 */
public final class Weeks {

    private Weeks() {
    }

    /** Whole weeks from {@code start} to {@code end}; null when either is absent or end is before start. */
    public static Long between(LocalDate start, LocalDate end) {
        if (start == null || end == null || end.isBefore(start)) {
            return null;
        }
        return ofDays(ChronoUnit.DAYS.between(start, end));
    }

    /** Whole weeks in a number of days (0 or more). */
    public static long ofDays(long days) {
        if (days < 0) {
            throw new IllegalArgumentException("a length in days cannot be negative: " + days);
        }
        return days / 7;
    }
}

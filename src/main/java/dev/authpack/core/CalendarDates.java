package dev.authpack.core;

import java.time.LocalDate;

/**
 * The dates Authpack accepts anywhere (a case, an event): years 1900 to 2999. ISO dates allow any
 * year, signed; outside four digits the databases and FHIR could not hold them ("-0001-01-01"
 * came back from storage as 0002-01-01, a year of 169 million blocked every later event of the
 * case, HAPI refused to write the bundle), and no patient, trial or authorization has such a date:
 * it is a typo ("0202-11-01"), refused where it is typed.
 */
public final class CalendarDates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    private CalendarDates() {
    }

    public static boolean accepted(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /** The message beside a date outside the range: says the range, so the typo is plain. */
    public static String outOfRange() {
        return "must be a date between " + EARLIEST + " and " + LATEST;
    }
}

package dev.authpack.audit;

import java.time.LocalDate;

/**
 * The audit page's quick date ranges, beside From and To: whole days in UTC up to and including today, as those
 * fields count them ("Last 7 days" is From six days ago To today). A page-only shortcut: the page turns the range into
 * From and To, so the CSV export, the paging links and the API see dates as before.
 */
enum DateRange {
    TODAY("today", 1), LAST_7_DAYS("7", 7), LAST_30_DAYS("30", 30);

    private final String parameter;
    private final int days;

    DateRange(String parameter, int days) {
        this.parameter = parameter;
        this.days = days;
    }

    /** The value of the page's {@code range} parameter, and the key of the button's words. */
    String parameter() {
        return parameter;
    }

    /** The first day of the range ending {@code today}. */
    LocalDate from(LocalDate today) {
        return today.minusDays(days - 1L);
    }

    /** The range a {@code range} parameter names, or null. */
    static DateRange ofParameter(String value) {
        for (DateRange r : values()) {
            if (r.parameter.equals(value)) {
                return r;
            }
        }
        return null;
    }
}

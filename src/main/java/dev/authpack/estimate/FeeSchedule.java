package dev.authpack.estimate;

import java.time.LocalDate;
import java.util.List;

/** A dated fee schedule file from {@code templates/fee-schedules/}. */
record FeeSchedule(String id, String version, String name, LocalDate effectiveFrom, LocalDate effectiveTo,
                   List<FeeEntry> entries) {

    boolean appliesOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}

package dev.authpack.estimate;

import dev.authpack.core.Money;
import java.time.LocalDate;

/**
 * One code's charge in a fee schedule, valid from {@code effectiveFrom} to {@code effectiveTo}
 * (inclusive; null = open-ended). {@code replacedBy} names the successor of a retired code.
 * {@code descriptionEs} is the Spanish wording for Spanish estimates; null when the schedule has none.
 */
record FeeEntry(String code, String description, String descriptionEs, Money charge, LocalDate effectiveFrom,
                LocalDate effectiveTo, String replacedBy) {

    boolean appliesOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}

package dev.authpack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whole weeks, rounded down, from the days between two dates. */
class WeeksTest {

    @ParameterizedTest(name = "{0} to {1}: {2} weeks")
    @CsvSource({
            // the contract's completeness example: "2025-02-01 to 2025-04-15 (10 weeks)"
            "2025-02-01, 2025-04-15, 10",
            "2026-01-01, 2026-01-01, 0",
            "2026-01-01, 2026-01-07, 0",
            "2026-01-01, 2026-01-08, 1",
            "2026-01-01, 2026-02-11, 5",
            "2026-01-01, 2026-02-12, 6",
            "2025-12-25, 2026-01-08, 2"})
    void betweenCountsWholeWeeksRoundedDown(LocalDate start, LocalDate end, long weeks) {
        assertThat(Weeks.between(start, end)).isEqualTo(weeks);
    }

    @Test
    void betweenIsUnknownWithoutBothDatesOrWhenTheEndComesFirst() {
        LocalDate day = LocalDate.of(2026, 3, 1);
        assertThat(Weeks.between(null, day)).isNull();
        assertThat(Weeks.between(day, null)).isNull();
        assertThat(Weeks.between(day, day.minusDays(1))).isNull();
    }

    @ParameterizedTest(name = "{0} days: {1} weeks")
    @CsvSource({"0, 0", "6, 0", "7, 1", "41, 5", "42, 6", "56, 8"})
    void ofDaysRoundsDownSoATrialNeverLooksLongerThanItWas(long days, long weeks) {
        assertThat(Weeks.ofDays(days)).isEqualTo(weeks);
    }

    @Test
    void ofDaysRefusesANegativeLength() {
        assertThatThrownBy(() -> Weeks.ofDays(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}

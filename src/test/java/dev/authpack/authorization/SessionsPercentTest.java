package dev.authpack.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The case page's "Sessions given out of approved" bar: the percentage is rounded to the nearest whole
 * number (2 of 3 is 67%, not 66%), and capped at 100 once more sessions were given than approved.
 */
class SessionsPercentTest {

    @ParameterizedTest(name = "{0} of {1} sessions → {2}%")
    @CsvSource({
            "2, 3, 67",
            "1, 3, 33",
            "1, 8, 13",
            "0, 5, 0",
            "5, 5, 100",
            "4, 3, 100",
    })
    void percentageIsRoundedToTheNearestAndCappedAtAHundred(int used, int approved, int percent) {
        assertThat(CasePanel.sessionsPct(approvedFor(approved, used))).isEqualTo(percent);
    }

    @ParameterizedTest(name = "{0} approved → 0%")
    @CsvSource(value = {"null", "0"}, nullValues = "null")
    void noApprovedSessionsIsZero(Integer approved) {
        assertThat(CasePanel.sessionsPct(approvedFor(approved, 1))).isZero();
    }

    private static Authorization approvedFor(Integer approved, int used) {
        return new Authorization(AuthStatus.APPROVED, null, null, null, null, "AUTH-1", null, null, approved, used,
                approved == null ? null : approved - used, null, null);
    }
}

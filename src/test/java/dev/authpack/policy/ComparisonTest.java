package dev.authpack.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/policies.md: AT_LEAST "15 or more", GREATER_THAN "above 15" (16 passes, 15 does not); the evidence words. */
class ComparisonTest {

    @ParameterizedTest(name = "{0} {2}: {1} passes {3}")
    @CsvSource({
        "AT_LEAST,     14, 15, false, at least",
        "AT_LEAST,     15, 15, true,  at least",
        "AT_LEAST,     16, 15, true,  at least",
        "GREATER_THAN, 15, 15, false, more than",
        "GREATER_THAN, 16, 15, true,  more than",
        "GREATER_THAN, 14, 15, false, more than",
    })
    void valueOnTheNumberPassesOnlyAtLeast(Comparison comparison, long value, long bound, boolean passes, String words) {
        assertThat(comparison.passes(value, bound)).isEqualTo(passes);
        assertThat(comparison.words()).isEqualTo(words);
    }
}

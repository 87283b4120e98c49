package dev.authpack.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a JSON number reads as a whole number, for the case's counts and an approval's sessions alike. */
class WholeNumbersTest {

    @ParameterizedTest(name = "{0}: whole {1}, value {2}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "8            | true  | 8",
        "8.0          | true  | 8",
        "8e0          | true  | 8",
        "80E-1        | true  | 8",
        "-3           | true  | -3",
        "0.000        | true  | 0",
        "8.5          | false | none",
        "1e-999999999 | false | none",
        "2147483647   | true  | 2147483647",
        "2147483648   | true  | none",
        "1e999999999  | true  | none"})
    void aNumberIsWholeWithoutAFractionAndHasAValueWithinAnInt(String json, boolean whole, Integer value) {
        BigDecimal number = new BigDecimal(json);

        assertThat(WholeNumbers.isWhole(number)).isEqualTo(whole);
        assertThat(WholeNumbers.of(number)).isEqualTo(value == null ? OptionalInt.empty() : OptionalInt.of(value));
    }
}

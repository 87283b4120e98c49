package dev.authpack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dollars held to the cent, rounded HALF_UP as the estimate contract requires. */
class MoneyTest {

    @ParameterizedTest(name = "{0} is held as {1}")
    @CsvSource({
            "2.345, 2.35",
            "2.344, 2.34",
            "2.335, 2.34",
            "0.005, 0.01",
            "0.0049, 0.00",
            "-2.345, -2.35",
            "1289.82, 1289.82",
            "7, 7.00",
            "1450.0, 1450.00"})
    void amountsRoundHalfUpToTheCent(String amount, String cents) {
        assertThat(Money.of(amount).amount()).isEqualTo(new BigDecimal(cents));
        assertThat(Money.of(new BigDecimal(amount))).isEqualTo(Money.of(cents));
    }

    @Test
    void anAmountIsRequired() {
        assertThatThrownBy(() -> Money.of((BigDecimal) null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameAmountWrittenDifferentlyIsEqual() {
        assertThat(Money.of("1")).isEqualTo(Money.of("1.00")).isEqualTo(Money.of("1.004"));
        assertThat(Money.ZERO).isEqualTo(Money.of("0.00"));
    }

    @Test
    void arithmeticRoundsItsResultHalfUp() {
        assertThat(Money.of("10.10").plus(Money.of("0.25"))).isEqualTo(Money.of("10.35"));
        assertThat(Money.of("10.10").minus(Money.of("0.25"))).isEqualTo(Money.of("9.85"));
        // 20 % of 1289.82 is 257.964, 50 % of 100.05 is 50.025 (half-even would give 50.02)
        assertThat(Money.of("1289.82").times(new BigDecimal("0.20"))).isEqualTo(Money.of("257.96"));
        assertThat(Money.of("100.05").times(new BigDecimal("0.5"))).isEqualTo(Money.of("50.03"));
        assertThat(Money.of("10.01").times(BigDecimal.valueOf(84))).isEqualTo(Money.of("840.84"));
    }

    @ParameterizedTest(name = "min/max of {0} and {1}")
    @CsvSource({"1.00, 2.00, 1.00, 2.00", "2.00, 1.00, 1.00, 2.00", "-1.00, 0.00, -1.00, 0.00",
            "1500.00, 1289.82, 1289.82, 1500.00"})
    void minAndMaxPickTheSmallerAndTheLarger(String a, String b, String min, String max) {
        assertThat(Money.of(a).min(Money.of(b))).isEqualTo(Money.of(min));
        assertThat(Money.of(a).max(Money.of(b))).isEqualTo(Money.of(max));
    }

    @ParameterizedTest(name = "{0} positive: {1}")
    @CsvSource({"0.01, true", "0.00, false", "0.004, false", "-0.01, false", "1450.00, true"})
    void onlyAnAmountOfAtLeastOneCentIsPositive(String amount, boolean positive) {
        assertThat(Money.of(amount).isPositive()).isEqualTo(positive);
    }

    @ParameterizedTest(name = "{0} compares to {1}: {2}")
    @CsvSource({"1.00, 2.00, -1", "2.00, 1.00, 1", "2, 2.00, 0"})
    void comparesByAmount(String a, String b, int sign) {
        assertThat(Integer.signum(Money.of(a).compareTo(Money.of(b)))).isEqualTo(sign);
    }

    @Test
    void formattedAsDollarsWithThousandsSeparatorsAsTheContractWritesThem() {
        assertThat(Money.of("3263.69").formatted()).isEqualTo("$3,263.69");
        assertThat(Money.of("7").formatted()).isEqualTo("$7.00");
        assertThat(Money.of("1234567.891").formatted()).isEqualTo("$1,234,567.89");
    }

    @Test
    void printsAsAPlainNumberWithTwoDecimals() {
        assertThat(Money.of("7")).hasToString("7.00");
        assertThat(Money.of("1E+3")).hasToString("1000.00");
    }
}

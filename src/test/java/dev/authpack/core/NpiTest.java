package dev.authpack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract's NPI rule: 10 digits, the last the Luhn check digit over 80840 and the first nine. */
class NpiTest {

    // check digits worked out by hand over "80840" + the first nine digits (1234567893 is CMS's own example)
    @ParameterizedTest
    @ValueSource(strings = {"1234567893", "1245319599", "1000000004", "9876543213", "1999999992"})
    void acceptsTenDigitsWhoseCheckDigitMatchesWithTheIssuerPrefix(String npi) {
        assertThat(Npi.of(npi).value()).isEqualTo(npi);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567890", "1234567891", "1234567892", "1234567894", "1234567899", "1245319598",
            "2234567893"})
    void refusesAWrongCheckDigit(String npi) {
        assertThatThrownBy(() -> Npi.of(npi)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("check digit");
    }

    // each of these passes the plain Luhn check over its own ten digits: only the 80840 prefix refuses them
    @ParameterizedTest
    @ValueSource(strings = {"1234567897", "1245319593", "1000000008", "9876543217"})
    void checksTheDigitWithThePrefixNotOverTheTenDigitsAlone(String npi) {
        assertThatThrownBy(() -> Npi.of(npi)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("check digit");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"123456789", "12345678930", "123456789A", "1234-56789", "808401234567893"})
    void refusesAnythingButTenDigits(String npi) {
        assertThatThrownBy(() -> new Npi(npi)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be 10 digits");
    }

    @Test
    void typedInputIsStrippedOfSurroundingSpace() {
        assertThat(Npi.of(" 1234567893\t")).isEqualTo(new Npi("1234567893"));
        assertThatThrownBy(() -> new Npi(" 1234567893")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsAsItsDigits() {
        assertThat(Npi.of("1234567893")).hasToString("1234567893");
    }
}

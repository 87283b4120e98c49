package dev.authpack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract's TIN rule: 9 digits, written 12-3456789 or 123456789. */
class TinTest {

    @ParameterizedTest(name = "''{0}'' is stored as {1}")
    @CsvSource(delimiter = '|', value = {
            "12-3456789    | 12-3456789",
            "123456789     | 12-3456789",
            "' 123456789 ' | 12-3456789",
            "' 98-7654321' | 98-7654321"})
    void nineDigitsAreStoredWithTheDashAfterTheSecond(String typed, String stored) {
        assertThat(Tin.of(typed).value()).isEqualTo(stored);
        assertThat(Tin.of(typed)).hasToString(stored);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12345678", "1234567890", "123-456789", "1234-56789", "12-34567890", "ab-cdefghi",
            "12 3456789"})
    void refusesAnythingButNineDigits(String typed) {
        assertThatThrownBy(() -> Tin.of(typed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9 digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", " 12-3456789"})
    void constructorTakesOnlyTheStoredForm(String value) {
        assertThatThrownBy(() -> new Tin(value)).isInstanceOf(IllegalArgumentException.class);
    }
}

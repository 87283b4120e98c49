package dev.authpack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** ICD-10-CM codes as the contract takes them: "looks like F33.2 (accept f332, store F33.2)". */
class Icd10CodeTest {

    @ParameterizedTest(name = "''{0}'' is stored as {1}")
    @CsvSource(delimiter = '|', value = {
            "F33.2    | F33.2",
            "f332     | F33.2",
            "' F33.2 '| F33.2",
            "f33.2    | F33.2",
            "F32.A    | F32.A",
            "f32a     | F32.A",
            "F33.41   | F33.41",
            "F3341    | F33.41",
            "F32.89   | F32.89",
            "F06.31   | F06.31",
            "T40.9X5A | T40.9X5A",
            "F33      | F33",
            "F33.     | F33"})
    void typedCodesAreStoredInTheDottedFormPayersPrint(String typed, String stored) {
        assertThat(Icd10Code.of(typed).value()).isEqualTo(stored);
        assertThat(Icd10Code.of(typed)).hasToString(stored);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "33.2", "FF3.2", "F3", "F33.21234", "F33-2", "F33..2", "F33.2!", "depression"})
    void refusesWhatDoesNotLookLikeACode(String typed) {
        assertThatThrownBy(() -> Icd10Code.of(typed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ICD-10-CM");
    }

    // the canonical constructor is what JSON binding and stored cases use: it takes only the stored form
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"f33.2", "F332", "F33.", " F33.2", "F3341"})
    void constructorTakesOnlyTheStoredForm(String value) {
        assertThatThrownBy(() -> new Icd10Code(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"F33.2", "F32.A", "F33", "F33.41"})
    void constructorAcceptsTheStoredForm(String value) {
        assertThat(new Icd10Code(value).value()).isEqualTo(value);
    }
}

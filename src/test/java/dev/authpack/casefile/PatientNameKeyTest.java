package dev.authpack.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The key a patient's name is found and sorted by: lower case, no accents, whatever the keyboard. */
class PatientNameKeyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Smith, Jane|smith, jane",
            "ÁLVAREZ Ñuñez|alvarez nunez",
            "Müller-Lüdenscheidt|muller-ludenscheidt",
            "Strauß|strauss",
            "Łukasz Ørsted|lukasz orsted",
            "İSMAİL Yıldız|ismail yildiz",
            "ΟΔΥΣΣΕΥΣ Παπαδόπουλος|οδυσσευσ παπαδοπουλοσ",
            "Ærøe Œuvre|aeroe oeuvre",
            "Nguyễn Thị|nguyen thi",
            "Đặng|dang",
            "Йошкар|иошкар",
            "किरण|किरण",
            "O'Brien|o'brien"})
    void aNameIsFoundByItsLettersWithoutCaseOrAccents(String name, String key) {
        assertThat(PatientNameKey.of(name)).isEqualTo(key);
    }

    @Test
    void aNameTypedWithOrWithoutItsAccentsHasTheSameKey() {
        assertThat(PatientNameKey.of("alvarez")).isEqualTo(PatientNameKey.of("Álvarez"));
        assertThat(PatientNameKey.of("ismail")).isEqualTo(PatientNameKey.of("İsmail"));
        assertThat(PatientNameKey.of("οδυσσευς")).isEqualTo(PatientNameKey.of("ΟΔΥΣΣΕΥΣ"));
        assertThat(PatientNameKey.of(null)).isNull();
    }
}

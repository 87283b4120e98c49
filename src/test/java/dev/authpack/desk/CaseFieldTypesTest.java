package dev.authpack.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseFieldTypesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(quoteCharacter = '"', value = {
        "assessments[0].instrument,     Instrument",
        "medicationTrials[3].outcome,   TrialOutcome",
        "medicationTrials[0].drugClass, DrugClass",
        "patient.sex,                   Sex",
        "assessments[0].score,          \"\"",
        "patient.lastName,              \"\"",
        "medicationTrials[0].startDate, \"\"",
        "noSuchField,                   \"\"",
        "patient.lastName.deeper,       \"\""})
    void aFieldsEnumIsFoundThroughListsAndRecords(String path, String expected) {
        Optional<String> found = CaseFieldTypes.enumAt(path).map(Class::getSimpleName);
        assertThat(found.orElse("")).isEqualTo(expected);
    }
}

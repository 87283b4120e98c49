package dev.authpack.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.Instrument;
import dev.authpack.casefile.Treatment;
import dev.authpack.casefile.TrialOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The code tables: the words of a status reason that give a trial's outcome, service code systems, displays. */
class FhirCodesTest {

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(nullValues = "NULL", value = {
        "Inadequate response after 8 weeks, INADEQUATE_RESPONSE",
        "no response, INADEQUATE_RESPONSE",
        "Not effective, INADEQUATE_RESPONSE",
        "Partial response, PARTIAL_RESPONSE",
        "Stopped: intolerance (nausea), INTOLERANCE",
        "side effects, INTOLERANCE",
        "Adverse reaction, INTOLERANCE",
        "Full response - remission, RESPONSE",
        "Patient moved away, NULL",
        "NULL, NULL"})
    void statusReasonWordsGiveTheOutcome(String text, TrialOutcome expected) {
        assertThat(FhirCodes.outcomeFromWords(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"G2083, http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "J0013, http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets",
        "96365, http://www.ama-assn.org/go/cpt", "90792, http://www.ama-assn.org/go/cpt"})
    void serviceCodesGoToHcpcsOrCpt(String code, String system) {
        assertThat(FhirCodes.serviceSystem(code)).isEqualTo(system);
    }

    @Test
    void everyCodeTheExportWritesHasADisplaySoANewOneCannotGoOutAsAnEnumName() {
        assertThat(FhirCodes.NUCC_DISPLAY).containsOnlyKeys(FhirCodes.SPECIALTY_NUCC.values());
        assertThat(FhirCodes.PAYMENT_TYPOLOGY_DISPLAY).containsOnlyKeys(FhirCodes.PLAN_PAYMENT_CODE.values());
        assertThat(FhirCodes.TREATMENT_DISPLAY).containsOnlyKeys(Treatment.values());
        assertThat(FhirCodes.INSTRUMENT_DISPLAY).containsOnlyKeys(Instrument.values());
    }
}

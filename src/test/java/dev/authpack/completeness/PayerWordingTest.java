package dev.authpack.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the packet and the appeal print in place of the report's field names. */
class PayerWordingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        absent field named by its path | no episode start date (diagnosis.episodeStart) to place it in the current episode | no episode start date recorded to place it in the current episode
        path inside an evidence line   | MADRS 22 on 2026-11-10: no episode start date (diagnosis.episodeStart) to place it | MADRS 22 on 2026-11-10: no episode start date recorded to place it
        screening answers by name      | screening lacks psychoticFeatures, pregnant, measuredOn | the screening does not record psychotic features, pregnancy, the date of the blood-pressure reading
        plain sentence left alone      | not pregnant; no psychosis (screening) | not pregnant; no psychosis (screening)
        """)
    void fieldNamesBecomeWords(String what, String report, String printed) {
        assertThat(PayerWording.of(report)).isEqualTo(printed);
    }
}

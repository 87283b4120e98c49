package dev.authpack.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One line as the PDF draws it, left to right: right-to-left runs reversed in place, the rest as typed. */
class VisualOrderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Latin only stays as typed          | Patient: Dana Reyes                  | Patient: Dana Reyes",
        "a Hebrew name is reversed          | Patient: \u05DB\u05D4\u05DF DOB  | Patient: \u05DF\u05D4\u05DB DOB",
        "two Hebrew words swap places       | \u05D3\u05E0\u05D4 \u05DB\u05D4\u05DF | \u05DF\u05D4\u05DB \u05D4\u05E0\u05D3",
        "digits inside stay in their order  | \u05D7\u05D3\u05E8 12 | 12 \u05E8\u05D3\u05D7",
        "a point stays on its letter        | \u05D1\u05BC\u05D0 | \u05D0\u05D1\u05BC",
        "brackets inside a run are mirrored | \u05D0 (\u05D1) \u05D2 | \u05D2 (\u05D1) \u05D0",
        "a stored override changes nothing  | \u202Eevil Zo\u00EB | \u202Eevil Zo\u00EB",
        "an isolated name leaves the number after it on its right | for \u2068\u05DB\u05D4\u05DF\u2069: 8 | for \u2068\u05DF\u05D4\u05DB\u2069: 8",
        "an isolate never closed isolates nothing | for \u2068\u05DB\u05D4\u05DF: 8 | for \u20688 :\u05DF\u05D4\u05DB",
        "a wrapped line opening in Hebrew stays left to right | \u05DB\u05D4\u05DF Reyes DOB | \u05DF\u05D4\u05DB Reyes DOB"})
    void rightToLeftRunsAreDrawnFromTheirEnd(String rule, String logical, String drawn) {
        assertThat(VisualOrder.of(logical)).isEqualTo(drawn);
    }
}

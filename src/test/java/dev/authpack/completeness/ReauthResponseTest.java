package dev.authpack.completeness;

import static dev.authpack.completeness.TestCatalogs.evaluate;
import static dev.authpack.completeness.TestCatalogs.status;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** REAUTH_RESPONSE: latest against earliest score of the latest score's scale, ties by array order. */
class ReauthResponseTest {

    private static String score(String instrument, int score, String date) {
        return "{\"instrument\": \"" + instrument + "\", \"score\": " + score + ", \"date\": \"" + date + "\"}";
    }

    /** "PHQ9 22 2026-06-01, PHQ9 11 2026-11-20" as the assessments array. */
    private static String scores(String compact) {
        StringBuilder out = new StringBuilder("[");
        for (String one : compact.split(",")) {
            String[] p = one.strip().split(" ");
            out.append(out.length() > 1 ? "," : "").append(score(p[0], Integer.parseInt(p[1]), p[2]));
        }
        return out.append(']').toString();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "50 % drop                              | PHQ9 22 2026-06-01, PHQ9 11 2026-11-20 | MET",
        "45 % drop                              | PHQ9 22 2026-06-01, PHQ9 12 2026-11-20 | NOT_MET",
        "MADRS 50 to 25 is 50 %                 | MADRS 50 2026-06-01, MADRS 25 2026-11-20 | MET",
        "MADRS 50 to 26 is 48 %                 | MADRS 50 2026-06-01, MADRS 26 2026-11-20 | NOT_MET",
        "27 to 13 is 51.9 %                     | PHQ9 27 2026-06-01, PHQ9 13 2026-11-20 | MET",
        "27 to 14 is 48.1 %                     | PHQ9 27 2026-06-01, PHQ9 14 2026-11-20 | NOT_MET",
        "got worse                              | PHQ9 12 2026-06-01, PHQ9 20 2026-11-20 | NOT_MET",
        "baseline of 0                          | PHQ9 0 2026-06-01, PHQ9 0 2026-11-20 | NOT_MET",
        "one score only                         | PHQ9 22 2026-06-01 | MISSING",
        "latest scale has one score             | PHQ9 22 2026-06-01, PHQ9 8 2026-09-01, MADRS 30 2026-11-20 | MISSING",
        "latest by date, not by array position  | PHQ9 8 2026-11-20, PHQ9 22 2026-06-01 | MET",
        "earliest and latest among three        | PHQ9 20 2026-08-01, PHQ9 22 2026-06-01, PHQ9 11 2026-11-20 | MET",
        "same date: later element is later      | PHQ9 22 2026-11-20, PHQ9 11 2026-11-20 | MET",
        "same date: order reversed              | PHQ9 11 2026-11-20, PHQ9 22 2026-11-20 | NOT_MET",
        "same-day tie on the latest date        | PHQ9 22 2026-06-01, PHQ9 8 2026-11-20, PHQ9 15 2026-11-20 | NOT_MET",
        "other scale ignored                    | MADRS 10 2026-05-01, PHQ9 22 2026-06-01, PHQ9 11 2026-11-20 | MET",
    })
    void reauthorization(String why, String compact, String expected) {
        CaseBuilder builder = CaseBuilder.complete().with("request.phase=REAUTHORIZATION; assessments=" + scores(compact));
        assertThat(status(evaluate(builder), CriterionId.REAUTH_RESPONSE)).as(why).isEqualTo(expected);
    }

    /** The API refuses such a score, but a policy file's worked example binds without that check. */
    @Test
    void aScoreWithoutItsValueIsLeftOut() {
        CaseBuilder builder = CaseBuilder.complete().with("request.phase=REAUTHORIZATION; assessments="
                + scores("PHQ9 22 2026-06-01, PHQ9 11 2026-11-20, PHQ9 20 2026-11-25") + "; assessments[2].score=null");

        CriterionResult response = TestCatalogs.find(evaluate(builder), CriterionId.REAUTH_RESPONSE).orElseThrow();
        assertThat(response.status()).isEqualTo(CriterionStatus.MET);
        assertThat(response.detail()).startsWith("PHQ-9 from 22 on 2026-06-01 to 11 on 2026-11-20");
    }

    @Test
    void noScoresAtAllIsMissing() {
        CaseBuilder builder = CaseBuilder.complete().with("request.phase=REAUTHORIZATION; assessments=[]");
        assertThat(status(evaluate(builder), CriterionId.REAUTH_RESPONSE)).isEqualTo("MISSING");
    }
}

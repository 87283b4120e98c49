package dev.authpack.completeness;

import static dev.authpack.completeness.TestCatalogs.evaluate;
import static dev.authpack.completeness.TestCatalogs.find;
import static dev.authpack.completeness.TestCatalogs.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FAILED_TRIALS and AUGMENTATION at every boundary the contract names. Each row edits sample 01
 * (complete under esketamine-standard as of 2026-11-30; trial 0 sertraline 2025-02-01 to 2025-04-15,
 * trial 1 venlafaxine 2025-05-01 to 2025-07-20, episode from 2025-01-15).
 */
class TrialCriteriaTest {

    @ParameterizedTest(name = "{0}: {2} {3}")
    @CsvSource(delimiter = '|', value = {
        "exactly 6 weeks (42 days)                 | medicationTrials[0].endDate=2025-03-15 | FAILED_TRIALS | MET",
        "41 days is short of 6 weeks               | medicationTrials[0].endDate=2025-03-14 | FAILED_TRIALS | NOT_MET",
        "25 % improvement is a failure             | medicationTrials[0].improvementPct=25 | FAILED_TRIALS | MET",
        "26 % improvement is not                   | medicationTrials[0].improvementPct=26 | FAILED_TRIALS | NOT_MET",
        "25.5 % improvement is not                 | medicationTrials[0].improvementPct=25.5 | FAILED_TRIALS | NOT_MET",
        "got worse                                 | medicationTrials[0].improvementPct=-20 | FAILED_TRIALS | MET",
        "inadequate response without improvement  | medicationTrials[0].improvementPct=null | FAILED_TRIALS | MET",
        "partial response at 25 %                  | medicationTrials[0].outcome=PARTIAL_RESPONSE; medicationTrials[0].improvementPct=25 | FAILED_TRIALS | MET",
        "partial response at 26 %                  | medicationTrials[0].outcome=PARTIAL_RESPONSE; medicationTrials[0].improvementPct=26 | FAILED_TRIALS | NOT_MET",
        "partial response without improvement      | medicationTrials[0].outcome=PARTIAL_RESPONSE; medicationTrials[0].improvementPct=null | FAILED_TRIALS | NOT_MET",
        "response is no failure                    | medicationTrials[0].outcome=RESPONSE | FAILED_TRIALS | NOT_MET",
        "no outcome                                | medicationTrials[0].outcome=null | FAILED_TRIALS | NOT_MET",
        "intolerance after 4 days                  | medicationTrials[0].outcome=INTOLERANCE; medicationTrials[0].endDate=2025-02-05 | FAILED_TRIALS | MET",
        "intolerance still needs a start date      | medicationTrials[0].outcome=INTOLERANCE; medicationTrials[0].startDate=null | FAILED_TRIALS | NOT_MET",
        "no start date                             | medicationTrials[0].startDate=null | FAILED_TRIALS | NOT_MET",
        "dose at the catalog minimum               | medicationTrials[0].dailyDoseMg=50 | FAILED_TRIALS | MET",
        "dose below the catalog minimum            | medicationTrials[0].dailyDoseMg=49.9 | FAILED_TRIALS | NOT_MET",
        "no dose for a catalog drug                | medicationTrials[0].dailyDoseMg=null | FAILED_TRIALS | NOT_MET",
        "drug name in capitals                     | medicationTrials[0].drug=SERTRALINE | FAILED_TRIALS | MET",
        "same drug twice counts once               | medicationTrials[1].drug=Sertraline | FAILED_TRIALS | NOT_MET",
        "absent drugClass takes the catalog class  | medicationTrials[0].drugClass=null; medicationTrials[1].drugClass=null | FAILED_TRIALS | MET",
        "two drugs of one catalog class            | medicationTrials[1].drug=escitalopram; medicationTrials[1].drugClass=null; medicationTrials[1].dailyDoseMg=20 | FAILED_TRIALS | NOT_MET",
        "unknown drug without class adds no class  | medicationTrials[1].drug=zuranolone; medicationTrials[1].drugClass=null | FAILED_TRIALS | NOT_MET",
        "unknown drug with a class, dose unchecked | medicationTrials[1].drug=zuranolone; medicationTrials[1].drugClass=OTHER_ANTIDEPRESSANT; medicationTrials[1].dailyDoseMg=1 | FAILED_TRIALS | MET",
        "unknown drug without a dose               | medicationTrials[1].drug=zuranolone; medicationTrials[1].dailyDoseMg=null | FAILED_TRIALS | MET",
        "ended on the episode's first day          | diagnosis.episodeStart=2025-04-15 | FAILED_TRIALS | MET",
        "ended the day before the episode          | diagnosis.episodeStart=2025-04-16 | FAILED_TRIALS | NOT_MET",
        "no episode start to place the trial       | diagnosis.episodeStart=null | FAILED_TRIALS | NOT_MET",
        "open trial runs to the start date (42 d)  | medicationTrials[1].startDate=2026-10-19; medicationTrials[1].endDate=null | FAILED_TRIALS | MET",
        "open trial of 41 days                     | medicationTrials[1].startDate=2026-10-20; medicationTrials[1].endDate=null | FAILED_TRIALS | NOT_MET",
        "absent role means monotherapy             | medicationTrials[0].role=null | FAILED_TRIALS | MET",
        "augmentation trials are not monotherapy   | medicationTrials[0].role=AUGMENTATION | FAILED_TRIALS | NOT_MET",
        "no monotherapy trial at all               | medicationTrials[0].role=AUGMENTATION; medicationTrials[1].role=AUGMENTATION | FAILED_TRIALS | MISSING",
        "no trial at all                           | medicationTrials=[] | FAILED_TRIALS | MISSING",
        "standard policy ignores adherence         | medicationTrials[0].adherencePct=null | FAILED_TRIALS | MET",
        "standard policy has no lookback           | diagnosis.episodeStart=2010-01-01; medicationTrials[0].startDate=2011-02-01; medicationTrials[0].endDate=2011-04-15 | FAILED_TRIALS | MET",
        "standard policy has no augmentation       | medicationTrials[0].role=MONOTHERAPY | AUGMENTATION | ABSENT",
    })
    void standardPolicy(String why, String edits, CriterionId id, String expected) {
        assertThat(status(evaluate(CaseBuilder.complete().with(edits)), id)).as(why).isEqualTo(expected);
    }

    /**
     * Sample 01 with venlafaxine replaced by an unknown drug entered twice (same dates): the drug
     * counts once, and its class counts when any qualifying trial of it names one, in either order.
     */
    @ParameterizedTest(name = "{0}: FAILED_TRIALS {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "class only on the repeat                 | -                    | OTHER_ANTIDEPRESSANT | INADEQUATE_RESPONSE | MET",
        "class only on the first                  | OTHER_ANTIDEPRESSANT | -                    | INADEQUATE_RESPONSE | MET",
        "class on neither                         | -                    | -                    | INADEQUATE_RESPONSE | NOT_MET",
        "a repeat that does not qualify adds none | -                    | OTHER_ANTIDEPRESSANT | RESPONSE            | NOT_MET",
    })
    void repeatedDrugAddsTheClassAnyQualifyingTrialNames(String why, String firstClass, String repeatClass,
            String repeatOutcome, String expected) {
        CaseBuilder builder = CaseBuilder.complete()
                .with("medicationTrials[1].drug=zuranolone; medicationTrials[1].drugClass="
                        + (firstClass == null ? "null" : firstClass))
                .add("medicationTrials", """
                        {"drug": "Zuranolone", "role": "MONOTHERAPY", "dailyDoseMg": 50, "startDate": "2025-05-01",
                         "endDate": "2025-07-20", "outcome": "%s", "improvementPct": 15, "adherencePct": 95%s}"""
                        .formatted(repeatOutcome, repeatClass == null ? "" : ", \"drugClass\": \"" + repeatClass + "\""));
        assertThat(status(evaluate(builder), CriterionId.FAILED_TRIALS)).as(why).isEqualTo(expected);
    }

    /** Sample 01 with sertraline entered again after venlafaxine (2025-08-01 to 2025-10-01, same dose). */
    private static CaseBuilder sertralineTwice(String firstOutcome, String repeatOutcome) {
        return CaseBuilder.complete().with("medicationTrials[0].outcome=" + firstOutcome)
                .add("medicationTrials", """
                        {"drug": "Sertraline", "drugClass": "SSRI", "role": "MONOTHERAPY", "dailyDoseMg": 200,
                         "startDate": "2025-08-01", "endDate": "2025-10-01", "outcome": "%s", "improvementPct": 10,
                         "adherencePct": 90}""".formatted(repeatOutcome));
    }

    @ParameterizedTest(name = "{0}: FAILED_TRIALS {3}")
    @CsvSource(delimiter = '|', value = {
        "a later trial qualifies after one that did not | RESPONSE            | INADEQUATE_RESPONSE | MET",
        "the first trial qualifies, the repeat does not | INADEQUATE_RESPONSE | RESPONSE            | MET",
        "no trial of the drug qualifies                 | RESPONSE            | RESPONSE            | NOT_MET",
    })
    void aDrugCountsWhenAnyOfItsTrialsQualifies(String why, String firstOutcome, String repeatOutcome, String expected) {
        assertThat(status(evaluate(sertralineTwice(firstOutcome, repeatOutcome)), CriterionId.FAILED_TRIALS)).as(why)
                .isEqualTo(expected);
    }

    @Test
    void theRepeatOfACountedDrugIsTheTrialSaidToCountOnce() {
        List<String> evidence = find(evaluate(sertralineTwice("INADEQUATE_RESPONSE", "INADEQUATE_RESPONSE")),
                CriterionId.FAILED_TRIALS).orElseThrow().evidence();

        assertThat(evidence.get(0)).startsWith("sertraline").doesNotContain("counts once");
        assertThat(evidence.get(2)).startsWith("Sertraline").endsWith("; same drug as a counted trial: counts once");
    }

    @ParameterizedTest(name = "{0}: {2} {3}")
    @CsvSource(delimiter = '|', value = {
        "sample 01 meets the augmented policy       | '' | AUGMENTATION | MET",
        "exactly 8 weeks (56 days)                  | medicationTrials[0].endDate=2025-03-29 | FAILED_TRIALS | MET",
        "55 days is short of 8 weeks                | medicationTrials[0].endDate=2025-03-28 | FAILED_TRIALS | NOT_MET",
        "ended exactly 5 years before               | diagnosis.episodeStart=2021-01-01; medicationTrials[0].startDate=2021-09-01; medicationTrials[0].endDate=2021-11-30 | FAILED_TRIALS | MET",
        "ended 5 years and a day before             | diagnosis.episodeStart=2021-01-01; medicationTrials[0].startDate=2021-09-01; medicationTrials[0].endDate=2021-11-29 | FAILED_TRIALS | NOT_MET",
        "adherence 80 %                             | medicationTrials[0].adherencePct=80 | FAILED_TRIALS | MET",
        "adherence 79 %                             | medicationTrials[0].adherencePct=79 | FAILED_TRIALS | NOT_MET",
        "adherence 79.9 %                           | medicationTrials[0].adherencePct=79.9 | FAILED_TRIALS | NOT_MET",
        "no adherence under a minimum               | medicationTrials[0].adherencePct=null | FAILED_TRIALS | NOT_MET",
        "psychotherapy of 8 sessions                | psychotherapy[0].sessions=8 | AUGMENTATION | MET",
        "psychotherapy of 7 sessions                | psychotherapy[0].sessions=7 | AUGMENTATION | NOT_MET",
        "psychotherapy without a session count      | psychotherapy[0].sessions=null | AUGMENTATION | NOT_MET",
        "neither augmentation nor psychotherapy     | psychotherapy=[] | AUGMENTATION | MISSING",
        "augmentation trial of 8 weeks              | psychotherapy=[]; medicationTrials[0].role=AUGMENTATION; medicationTrials[0].endDate=2025-03-29 | AUGMENTATION | MET",
        "augmentation trial of 55 days              | psychotherapy=[]; medicationTrials[0].role=AUGMENTATION; medicationTrials[0].endDate=2025-03-28 | AUGMENTATION | NOT_MET",
        "augmentation trial follows adherence rule  | psychotherapy=[]; medicationTrials[0].role=AUGMENTATION; medicationTrials[0].adherencePct=79 | AUGMENTATION | NOT_MET",
        "augmentation trial follows dose rule       | psychotherapy=[]; medicationTrials[0].role=AUGMENTATION; medicationTrials[0].dailyDoseMg=25 | AUGMENTATION | NOT_MET",
        "short augmentation, enough psychotherapy   | medicationTrials[0].role=AUGMENTATION; medicationTrials[0].endDate=2025-03-01 | AUGMENTATION | MET",
    })
    void augmentedPolicy(String why, String edits, CriterionId id, String expected) {
        CaseBuilder builder = CaseBuilder.complete().with("policyId=esketamine-augmented").with(edits);
        assertThat(status(evaluate(builder), id)).as(why).isEqualTo(expected);
    }

    /** ketamine-iv-strict: 4 failed trials of 2 classes plus one augmentation trial of 6 weeks. */
    static CaseBuilder strictCase() {
        return CaseBuilder.complete()
                .with("policyId=ketamine-iv-strict; request.treatment=KETAMINE_IV; assessments[0].instrument=MADRS;"
                        + " assessments[0].score=32")
                .add("medicationTrials", """
                        {"drug": "escitalopram", "dailyDoseMg": 20, "startDate": "2025-08-01", "endDate": "2025-09-30",
                         "outcome": "INADEQUATE_RESPONSE"}""")
                .add("medicationTrials", """
                        {"drug": "bupropion", "drugClass": "BUPROPION", "role": "MONOTHERAPY", "dailyDoseMg": 300,
                         "startDate": "2025-10-01", "endDate": "2025-12-01", "outcome": "INTOLERANCE"}""")
                .add("medicationTrials", """
                        {"drug": "aripiprazole", "role": "AUGMENTATION", "dailyDoseMg": 5, "startDate": "2026-01-05",
                         "endDate": "2026-02-16", "outcome": "PARTIAL_RESPONSE", "improvementPct": 20}""");
    }

    @ParameterizedTest(name = "{0}: {2} {3}")
    @CsvSource(delimiter = '|', value = {
        "four trials and augmentation               | '' | FAILED_TRIALS | MET",
        "augmentation trial of exactly 6 weeks      | '' | AUGMENTATION | MET",
        "three monotherapy trials                   | medicationTrials[3].role=AUGMENTATION | FAILED_TRIALS | NOT_MET",
        "augmentation trial of 41 days              | medicationTrials[4].endDate=2026-02-15 | AUGMENTATION | NOT_MET",
        "no augmentation trial, psychotherapy no alternative | medicationTrials[4].role=MONOTHERAPY | AUGMENTATION | MISSING",
        "PHQ-9 does not count here                  | assessments[0].instrument=PHQ9; assessments[0].score=27 | SEVERITY | NOT_MET",
        "HAM-D17 at threshold                       | assessments[0].instrument=HAMD17; assessments[0].score=17 | SEVERITY | MET",
        "psychiatric NP not accepted                | prescriber.specialty=PSYCHIATRIC_NP | PRESCRIBER | NOT_MET",
        "no PDMP criterion                          | screening.pdmpCheckedOn=null | PDMP | ABSENT",
        "no REMS for IV ketamine                    | facility.remsCertified=false | REMS | ABSENT",
        "REMS for esketamine                        | request.treatment=ESKETAMINE | REMS | MET",
        "IV ketamine is covered                     | '' | TREATMENT | MET",
    })
    void ketamineIvStrictPolicy(String why, String edits, CriterionId id, String expected) {
        assertThat(status(evaluate(strictCase().with(edits)), id)).as(why).isEqualTo(expected);
    }
}

package dev.authpack.completeness;

import static dev.authpack.completeness.TestCatalogs.evaluate;
import static dev.authpack.completeness.TestCatalogs.find;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Details and evidence lines tell a payer's reviewer what was weighed and what is absent. */
class EvidenceWordingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown drug is not dose-checked  | medicationTrials[1].drug=zuranolone | FAILED_TRIALS | not in the drug catalog: dose not checked",
        "no start date                     | medicationTrials[0].startDate=null | FAILED_TRIALS | does not qualify: no start date",
        "no outcome                        | medicationTrials[0].outcome=null | FAILED_TRIALS | no outcome recorded",
        "no dose of a catalog drug         | medicationTrials[0].dailyDoseMg=null | FAILED_TRIALS | no daily dose recorded (adequate dose 50 mg/day)",
        "dose below the catalog minimum    | medicationTrials[0].dailyDoseMg=25 | FAILED_TRIALS | 25 mg/day is below the adequate dose of 50 mg/day",
        "too short                         | medicationTrials[0].endDate=2025-03-14 | FAILED_TRIALS | lasted 41 days, at least 42 days (6 weeks) required",
        "too much improvement              | medicationTrials[0].improvementPct=26 | FAILED_TRIALS | 26 % improvement, failure means at most 25 %",
        "partial response without a figure | medicationTrials[0].outcome=PARTIAL_RESPONSE; medicationTrials[0].improvementPct=null | FAILED_TRIALS | partial response without a recorded improvement %",
        "before the current episode        | diagnosis.episodeStart=2025-04-16 | FAILED_TRIALS | ended before the current episode began on 2025-04-16",
        "class unknown                     | medicationTrials[1].drug=zuranolone; medicationTrials[1].drugClass=null | FAILED_TRIALS | class unknown: counts as a trial but adds no class",
        "same drug twice                   | medicationTrials[1].drug=SERTRALINE | FAILED_TRIALS | same drug as a counted trial: counts once",
        "open trial                        | medicationTrials[1].endDate=null | FAILED_TRIALS | 2025-05-01 to present (82 weeks as of 2026-11-30)",
        "stale score                       | assessments[0].date=2026-10-01 | SEVERITY | PHQ-9 22 on 2026-10-01: 60 days before 2026-11-30, outside the 30-day window",
        "scale not listed                  | assessments[0].instrument=BDI2 | SEVERITY | scale not accepted by this policy",
        "score below threshold             | assessments[0].score=14 | SEVERITY | below the threshold of 15",
    })
    void evidenceLineSaysWhy(String why, String edits, CriterionId id, String text) {
        CriterionResult result = find(evaluate(CaseBuilder.complete().with(edits)), id).orElseThrow();

        assertThat(result.evidence()).as(why).anySatisfy(line -> assertThat(line).contains(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "age                      | '' | AGE | 47 years on 2026-11-30",
        "under age                | patient.dateOfBirth=2008-12-01 | AGE | 17 years on 2026-11-30; 18 or older required",
        "one trial short          | medicationTrials[1].outcome=RESPONSE | FAILED_TRIALS | 1 qualifying trial, 2 required",
        "one class short          | medicationTrials[1].drug=escitalopram; medicationTrials[1].drugClass=SSRI; medicationTrials[1].dailyDoseMg=20 | FAILED_TRIALS | 2 qualifying trials of 1 class, 2 classes required",
        "trials met               | '' | FAILED_TRIALS | 2 qualifying trials of 2 classes",
        "no date of birth         | patient.dateOfBirth=null | AGE | no date of birth",
        "no code                  | diagnosis.icd10=null | DIAGNOSIS | no diagnosis code",
        "no assessment            | assessments=[] | SEVERITY | no severity score recorded",
        "no monotherapy trial     | medicationTrials=[] | FAILED_TRIALS | no monotherapy trial recorded",
        "no screening             | screening=null | CONTRAINDICATIONS | no screening recorded",
        "screening value absent   | screening.systolic=null; screening.measuredOn=null | CONTRAINDICATIONS | screening lacks systolic, measuredOn",
        "no specialty             | prescriber.specialty=null | PRESCRIBER | no prescriber specialty",
        "REMS not recorded        | facility.remsCertified=null | REMS | REMS certification of the facility not recorded",
        "no PDMP date             | screening.pdmpCheckedOn=null | PDMP | no PDMP check date",
        "no treatment             | request.treatment=null | TREATMENT | no treatment requested",
        "high blood pressure      | screening.systolic=140 | CONTRAINDICATIONS | blood pressure 140/80 on 2026-11-10 is not below 140/90",
        "psychotic code           | diagnosis.icd10=F33.3 | CONTRAINDICATIONS | diagnosis F33.3 is a depression with psychotic features",
        "stale PDMP               | screening.pdmpCheckedOn=2026-10-30 | PDMP | PDMP checked 2026-10-30, 31 days before 2026-11-30; must be within 30 days",
    })
    void detailNamesTheFactOrWhatIsAbsent(String why, String edits, CriterionId id, String text) {
        CriterionResult result = find(evaluate(CaseBuilder.complete().with(edits)), id).orElseThrow();

        assertThat(result.detail()).as(why).contains(text);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "no date of birth   | patient.dateOfBirth=null       | AGE               | patient.dateOfBirth",
        "no PDMP date       | screening.pdmpCheckedOn=null   | PDMP              | screening.pdmpCheckedOn",
        "no BP date         | screening.measuredOn=null      | CONTRAINDICATIONS | screening.measuredOn",
        "stale score        | assessments[0].date=2026-10-01 | SEVERITY          | assessments",
        "short trial        | medicationTrials[0].endDate=2025-03-01 | FAILED_TRIALS | medicationTrials",
        "no REMS answer     | facility.remsCertified=null    | REMS              | facility.remsCertified",
    })
    void fixFieldPointsAtTheCaseFieldToEdit(String why, String edits, CriterionId id, String field) {
        assertThat(find(evaluate(CaseBuilder.complete().with(edits)), id).orElseThrow().fixField()).isEqualTo(field);
    }
}

package dev.authpack.completeness;

import static dev.authpack.completeness.TestCatalogs.evaluate;
import static dev.authpack.completeness.TestCatalogs.find;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Details and evidence lines tell a payer's reviewer what was weighed and what is absent. A few rows
 * hold values the API refuses (a score without its value, a trial ending before it starts): a
 * policy file's worked example binds without those checks, and its evidence must still read.
 */
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
        // a signed "-5 % improvement" read as an improvement once a fax lost the minus
        "partial response, score rose      | medicationTrials[0].outcome=PARTIAL_RESPONSE; medicationTrials[0].improvementPct=-5 | FAILED_TRIALS | partial response (worse by 5 %)",
        "partial response, score unchanged | medicationTrials[0].outcome=PARTIAL_RESPONSE; medicationTrials[0].improvementPct=0 | FAILED_TRIALS | partial response (no improvement)",
        "partial response without a figure | medicationTrials[0].outcome=PARTIAL_RESPONSE; medicationTrials[0].improvementPct=null | FAILED_TRIALS | partial response without a recorded improvement %",
        "before the current episode        | diagnosis.episodeStart=2025-04-16 | FAILED_TRIALS | ended before the current episode began on 2025-04-16",
        "class unknown                     | medicationTrials[1].drug=zuranolone; medicationTrials[1].drugClass=null | FAILED_TRIALS | class unknown: counts as a trial but adds no class",
        "same drug twice                   | medicationTrials[1].drug=SERTRALINE | FAILED_TRIALS | same drug as a counted trial: counts once",
        "open trial                        | medicationTrials[1].endDate=null | FAILED_TRIALS | 2025-05-01 to present (82 weeks as of 2026-11-30)",
        "stale score                       | assessments[0].date=2026-10-01 | SEVERITY | PHQ-9 22 on 2026-10-01: 60 days before 2026-11-30, outside the 30-day window",
        "scale not listed                  | assessments[0].instrument=BDI2 | SEVERITY | scale not accepted by this policy",
        "score below threshold             | assessments[0].score=14 | SEVERITY | below the threshold of 15",
        "end date without a start date     | medicationTrials[0].startDate=null | FAILED_TRIALS | sertraline 200 mg/day, start date unknown to 2025-04-15",
        "stopped on its first day          | medicationTrials[0].outcome=INTOLERANCE; medicationTrials[0].endDate=2025-02-01 | FAILED_TRIALS | 2025-02-01 to 2025-02-01 (0 days), intolerance",
        "six days are counted in days      | medicationTrials[0].outcome=INTOLERANCE; medicationTrials[0].endDate=2025-02-07 | FAILED_TRIALS | 2025-02-01 to 2025-02-07 (6 days), intolerance",
        "seven days are one week           | medicationTrials[0].outcome=INTOLERANCE; medicationTrials[0].endDate=2025-02-08 | FAILED_TRIALS | 2025-02-01 to 2025-02-08 (1 week), intolerance",
        "ends before it starts             | medicationTrials[0].endDate=2025-01-31 | FAILED_TRIALS | sertraline 200 mg/day, 2025-02-01 to 2025-01-31 (ends before it starts)",
        "open trial not yet started        | medicationTrials[1].startDate=2026-12-10; medicationTrials[1].endDate=null | FAILED_TRIALS | 2026-12-10 to present (not started as of 2026-11-30)",
        "open trial started on the day     | medicationTrials[1].startDate=2026-11-30; medicationTrials[1].endDate=null | FAILED_TRIALS | 2026-11-30 to present (0 days as of 2026-11-30)",
        "open trial not yet started, no negative length | medicationTrials[1].startDate=2026-12-10; medicationTrials[1].endDate=null | FAILED_TRIALS | does not qualify: started after 2026-11-30, at least 42 days (6 weeks) required",
        "open trial not yet started, more-than rule | policyId=qualchoice-spravato; medicationTrials[1].startDate=2026-12-10; medicationTrials[1].endDate=null | FAILED_TRIALS | started after 2026-11-30: not more than 4 weeks (29 days or more required)",
        "score without a value             | assessments[0].score=null | SEVERITY | PHQ-9 (no score) on 2026-11-10: incomplete",
        "psychotherapy course              | policyId=esketamine-augmented | AUGMENTATION | psychotherapy: CBT, 2025-03-01 to 2025-07-01, 14 sessions",
        "psychotherapy still running       | policyId=esketamine-augmented; psychotherapy[0].endDate=null | AUGMENTATION | psychotherapy: CBT, 2025-03-01 to present, 14 sessions",
        "psychotherapy without dates       | policyId=esketamine-augmented; psychotherapy[0].startDate=null; psychotherapy[0].endDate=null | AUGMENTATION | psychotherapy: CBT, 14 sessions",
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
        "abstinent 30 days        | policyId=triples-esketamine; screening.substanceUse=IN_REMISSION; screening.abstinentSince=2026-10-31 | CONTRAINDICATIONS | abstinent since 2026-10-31 (30 days before 2026-11-30)",
        "abstinent since after the start date | policyId=triples-esketamine; screening.substanceUse=IN_REMISSION; screening.abstinentSince=2026-12-05 | CONTRAINDICATIONS | abstinent since 2026-12-05 (5 days after 2026-11-30): at least 30 days of abstinence required",
    })
    void detailNamesTheFactOrWhatIsAbsent(String why, String edits, CriterionId id, String text) {
        CriterionResult result = find(evaluate(CaseBuilder.complete().with(edits)), id).orElseThrow();

        assertThat(result.detail()).as(why).contains(text);
    }

    /** Whole sentences, where a missing or extra clause would mislead the reviewer. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "covered treatment              | '' | TREATMENT | esketamine is a covered treatment",
        "treatment not covered          | request.treatment=KETAMINE_IV | TREATMENT | IV ketamine is not covered by this policy (covers esketamine)",
        "ineligible code                | diagnosis.icd10=F33.0 | DIAGNOSIS | 'F33.0 Major depressive disorder, recurrent, mild is not an eligible diagnosis (eligible: F32.1, F32.2, F33.1, F33.2)'",
        "accepted specialty             | '' | PRESCRIBER | prescriber specialty: psychiatry",
        "no consultation route here     | prescriber.specialty=PRIMARY_CARE | PRESCRIBER | 'prescriber specialty primary care is not accepted (accepted: psychiatry, psychiatric nurse practitioner)'",
        "REMS-certified                 | '' | REMS | the facility is REMS-certified",
        "not REMS-certified             | facility.remsCertified=false | REMS | the facility is not REMS-certified",
        "PDMP on the start date         | screening.pdmpCheckedOn=2026-11-30 | PDMP | 'PDMP checked 2026-11-30, 0 days before 2026-11-30'",
        "PDMP after the start date      | screening.pdmpCheckedOn=2026-12-01 | PDMP | 'PDMP checked 2026-12-01, 1 day after 2026-11-30; must be within 30 days before the start date'",
        "score reaches its threshold    | '' | SEVERITY | PHQ-9 22 on 2026-11-10 (threshold 15)",
        "the more recent of two scores  | 'assessments=[{\"instrument\": \"PHQ9\", \"score\": 20, \"date\": \"2026-11-20\"}, {\"instrument\": \"PHQ9\", \"score\": 22, \"date\": \"2026-11-10\"}]' | SEVERITY | PHQ-9 20 on 2026-11-20 (threshold 15)",
        "no score in the window         | assessments[0].date=2026-10-01 | SEVERITY | 'no score within 30 days before 2026-11-30 reaches its threshold (PHQ-9 15, MADRS 28, HAM-D17 17, QIDS-C16 16)'",
        "screening clear                | '' | CONTRAINDICATIONS | 'no psychosis, active substance use, vascular contraindication or pregnancy; blood pressure 128/80 on 2026-11-10'",
        "no augmentation trial          | policyId=ketamine-iv-strict | AUGMENTATION | no augmentation trial recorded",
        "neither trial nor therapy      | policyId=esketamine-augmented; psychotherapy=[] | AUGMENTATION | no augmentation trial or psychotherapy course recorded",
        "psychotherapy instead          | policyId=esketamine-augmented | AUGMENTATION | 'psychotherapy instead of augmentation: CBT, 2025-03-01 to 2025-07-01, 14 sessions (8 required)'",
        "course too short               | policyId=esketamine-augmented; psychotherapy[0].sessions=7 | AUGMENTATION | '0 qualifying augmentation trials, 1 required, and no psychotherapy course of 8 or more sessions'",
    })
    void detailReadsInFull(String why, String edits, CriterionId id, String detail) {
        assertThat(find(evaluate(CaseBuilder.complete().with(edits)), id).orElseThrow().detail()).as(why).isEqualTo(detail);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "no date of birth   | patient.dateOfBirth=null       | AGE               | patient.dateOfBirth",
        "no PDMP date       | screening.pdmpCheckedOn=null   | PDMP              | screening.pdmpCheckedOn",
        "no BP date         | screening.measuredOn=null      | CONTRAINDICATIONS | screening.measuredOn",
        "stale score        | assessments[0].date=2026-10-01 | SEVERITY          | assessments",
        "short trial        | medicationTrials[0].endDate=2025-03-01 | FAILED_TRIALS | medicationTrials",
        "no REMS answer     | facility.remsCertified=null    | REMS              | facility.remsCertified",
        "antidepressant started too late | 'policyId=qualchoice-spravato; request.concurrentAntidepressant={\"drug\": \"mirtazapine\", \"startDate\": \"2026-11-25\"}' | CONCURRENT_ANTIDEPRESSANT | request.concurrentAntidepressant.startDate",
        "antidepressant that failed      | 'policyId=qualchoice-spravato; request.concurrentAntidepressant={\"drug\": \"sertraline\", \"startDate\": \"2026-01-01\"}' | CONCURRENT_ANTIDEPRESSANT | request.concurrentAntidepressant.drug",
        "consulting psychiatrist route   | 'policyId=carefirst-spravato; prescriber.specialty=PSYCHIATRIC_NP; prescriber.consultingPsychiatrist={\"name\": \"Rae Chen, MD\", \"npi\": \"1245319599\"}' | PRESCRIBER | prescriber.consultingPsychiatrist",
        "facility not certified          | policyId=texas-medicaid-spravato; facility.remsCertified=false; screening.patientRemsEnrolled=true | REMS | facility.remsCertified",
        "patient not enrolled            | policyId=texas-medicaid-spravato; screening.patientRemsEnrolled=false | REMS | screening.patientRemsEnrolled",
    })
    void fixFieldPointsAtTheCaseFieldToEdit(String why, String edits, CriterionId id, String field) {
        assertThat(find(evaluate(CaseBuilder.complete().with(edits)), id).orElseThrow().fixField()).isEqualTo(field);
    }
}

package dev.authpack.completeness;

import static dev.authpack.completeness.TestCatalogs.evaluate;
import static dev.authpack.completeness.TestCatalogs.status;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * TREATMENT, AGE, DIAGNOSIS, SEVERITY, CONTRAINDICATIONS, PRESCRIBER, REMS and PDMP at their
 * boundaries. Each row edits sample 01 (esketamine-standard, start date 2026-11-30).
 */
class PatientAndScreeningCriteriaTest {

    @ParameterizedTest(name = "{0}: {2} {3}")
    @CsvSource(delimiter = '|', value = {
        "18th birthday on the start date        | patient.dateOfBirth=2008-11-30 | AGE | MET",
        "18th birthday the day after            | patient.dateOfBirth=2008-12-01 | AGE | NOT_MET",
        "no date of birth                       | patient.dateOfBirth=null | AGE | MISSING",
        "born 29 Feb: 17 on 28 Feb of a common year | patient.dateOfBirth=2008-02-29; request.startDate=2026-02-28 | AGE | NOT_MET",
        "born 29 Feb: 18 on 1 March                 | patient.dateOfBirth=2008-02-29; request.startDate=2026-03-01 | AGE | MET",
        "F33.2 eligible                         | diagnosis.icd10=F33.2 | DIAGNOSIS | MET",
        "F32.1 eligible                         | diagnosis.icd10=F32.1 | DIAGNOSIS | MET",
        "F33.0 mild is not                      | diagnosis.icd10=F33.0 | DIAGNOSIS | NOT_MET",
        "F33.3 psychotic is not                 | diagnosis.icd10=F33.3 | DIAGNOSIS | NOT_MET",
        "no diagnosis code                      | diagnosis.icd10=null | DIAGNOSIS | MISSING",
        "score exactly 30 days before           | assessments[0].date=2026-10-31 | SEVERITY | MET",
        "score 31 days before                   | assessments[0].date=2026-10-30 | SEVERITY | NOT_MET",
        "score on the start date                | assessments[0].date=2026-11-30 | SEVERITY | MET",
        "score after the start date             | assessments[0].date=2026-12-01 | SEVERITY | NOT_MET",
        "PHQ-9 at 15                            | assessments[0].score=15 | SEVERITY | MET",
        "PHQ-9 at 14                            | assessments[0].score=14 | SEVERITY | NOT_MET",
        "MADRS at 28                            | assessments[0].instrument=MADRS; assessments[0].score=28 | SEVERITY | MET",
        "MADRS at 27                            | assessments[0].instrument=MADRS; assessments[0].score=27 | SEVERITY | NOT_MET",
        "HAM-D17 at 17                          | assessments[0].instrument=HAMD17; assessments[0].score=17 | SEVERITY | MET",
        "HAM-D17 at 16                          | assessments[0].instrument=HAMD17; assessments[0].score=16 | SEVERITY | NOT_MET",
        "QIDS-C16 at 16                         | assessments[0].instrument=QIDS_C16; assessments[0].score=16 | SEVERITY | MET",
        "QIDS-C16 at 15                         | assessments[0].instrument=QIDS_C16; assessments[0].score=15 | SEVERITY | NOT_MET",
        "BDI-II is not a listed scale           | assessments[0].instrument=BDI2; assessments[0].score=63 | SEVERITY | NOT_MET",
        "no assessment at all                   | assessments=[] | SEVERITY | MISSING",
        "BP 139/89                              | screening.systolic=139; screening.diastolic=89 | CONTRAINDICATIONS | MET",
        "BP 140/89                              | screening.systolic=140; screening.diastolic=89 | CONTRAINDICATIONS | NOT_MET",
        "BP 139/90                              | screening.systolic=139; screening.diastolic=90 | CONTRAINDICATIONS | NOT_MET",
        "BP 140/90                              | screening.systolic=140; screening.diastolic=90 | CONTRAINDICATIONS | NOT_MET",
        "BP measured exactly 30 days before     | screening.measuredOn=2026-10-31 | CONTRAINDICATIONS | MET",
        "BP measured 31 days before             | screening.measuredOn=2026-10-30 | CONTRAINDICATIONS | NOT_MET",
        "BP measured after the start date       | screening.measuredOn=2026-12-01 | CONTRAINDICATIONS | NOT_MET",
        "no BP date                             | screening.measuredOn=null | CONTRAINDICATIONS | MISSING",
        "no systolic                            | screening.systolic=null | CONTRAINDICATIONS | MISSING",
        "no diastolic                           | screening.diastolic=null | CONTRAINDICATIONS | MISSING",
        "psychotic features                     | screening.psychoticFeatures=true | CONTRAINDICATIONS | NOT_MET",
        "psychotic features unanswered          | screening.psychoticFeatures=null | CONTRAINDICATIONS | MISSING",
        "F33.3 code is psychotic                | diagnosis.icd10=F33.3 | CONTRAINDICATIONS | NOT_MET",
        "F32.3 code is psychotic                | diagnosis.icd10=F32.3 | CONTRAINDICATIONS | NOT_MET",
        "active substance use                   | screening.substanceUse=ACTIVE | CONTRAINDICATIONS | NOT_MET",
        "substance use in remission             | screening.substanceUse=IN_REMISSION | CONTRAINDICATIONS | MET",
        "substance use unanswered               | screening.substanceUse=null | CONTRAINDICATIONS | MISSING",
        "vascular contraindication              | screening.vascularContraindication=true | CONTRAINDICATIONS | NOT_MET",
        "pregnant                               | screening.pregnant=true | CONTRAINDICATIONS | NOT_MET",
        "pregnancy unanswered                   | screening.pregnant=null | CONTRAINDICATIONS | MISSING",
        "no screening                           | screening=null | CONTRAINDICATIONS | MISSING",
        "psychiatric NP                         | prescriber.specialty=PSYCHIATRIC_NP | PRESCRIBER | MET",
        "primary care                           | prescriber.specialty=PRIMARY_CARE | PRESCRIBER | NOT_MET",
        "no specialty                           | prescriber.specialty=null | PRESCRIBER | MISSING",
        "not REMS-certified                     | facility.remsCertified=false | REMS | NOT_MET",
        "REMS certification not recorded        | facility.remsCertified=null | REMS | MISSING",
        "IV ketamine leaves REMS out            | request.treatment=KETAMINE_IV | REMS | ABSENT",
        "IV ketamine is not covered             | request.treatment=KETAMINE_IV | TREATMENT | NOT_MET",
        "no treatment                           | request.treatment=null | TREATMENT | MISSING",
        "no treatment leaves REMS out           | request.treatment=null | REMS | ABSENT",
        "PDMP exactly 30 days before            | screening.pdmpCheckedOn=2026-10-31 | PDMP | MET",
        "PDMP 31 days before                    | screening.pdmpCheckedOn=2026-10-30 | PDMP | NOT_MET",
        "PDMP on the start date                 | screening.pdmpCheckedOn=2026-11-30 | PDMP | MET",
        "PDMP after the start date              | screening.pdmpCheckedOn=2026-12-01 | PDMP | NOT_MET",
        "no PDMP date                           | screening.pdmpCheckedOn=null | PDMP | MISSING",
        "no screening, no PDMP date             | screening=null | PDMP | MISSING",
        "reauthorization leaves severity out    | request.phase=REAUTHORIZATION | SEVERITY | ABSENT",
        "initial request leaves response out    | request.phase=INITIAL | REAUTH_RESPONSE | ABSENT",
        "absent phase means initial             | request.phase=null | SEVERITY | MET",
    })
    void standardPolicy(String why, String edits, CriterionId id, String expected) {
        assertThat(status(evaluate(CaseBuilder.complete().with(edits)), id)).as(why).isEqualTo(expected);
    }
}

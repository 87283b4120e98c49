package dev.authpack.completeness;

import static dev.authpack.completeness.TestCatalogs.evaluate;
import static dev.authpack.completeness.TestCatalogs.find;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Under the published policies (contract v1.1, ../domain/REAL-POLICIES.md) each detail says in
 * words which of the policy's rules decided. The policy files' own examples check only statuses.
 * Each row puts sample 01 (start date 2026-11-30, episode from 2025-01-15, PHQ-9 22 on 2026-11-10,
 * CBT 2025-03-01 to 2025-07-01, 14 sessions) under the policy named first.
 */
class PublishedPolicyWordingTest {

    private static final String CONSULTANT = "prescriber.consultingPsychiatrist={\"name\": \"Rae Chen, MD\", \"npi\": \"1245319599\"}";

    private static CriterionResult judge(String policy, String edits, CriterionId id) {
        return find(evaluate(CaseBuilder.complete().with("policyId=" + policy).with(edits.replace("$CONSULTANT", CONSULTANT))), id)
                .orElseThrow();
    }

    @ParameterizedTest(name = "{0} {1}: {3} {4}")
    @CsvSource(delimiter = '|', value = {
        // SEVERITY: scales without a cut-off, in the current episode (CareFirst); above a threshold (QualChoice); any date (Texas MDSI)
        "carefirst-spravato | BDI-II 5 counts | assessments[0].instrument=BDI2; assessments[0].score=5 | SEVERITY | MET | 'BDI-II 5 on 2026-11-10 (any score on this scale counts: the policy sets no cut-off)'",
        "carefirst-spravato | PHQ-9 is not named | '' | SEVERITY | NOT_MET | 'no score in the current episode (2025-01-15 to 2026-11-30) is on MADRS, HAM-D17, BDI-II (any score)'",
        "carefirst-spravato | no episode start | assessments[0].instrument=MADRS; diagnosis.episodeStart=null | SEVERITY | NOT_MET | 'no score in the current episode is on MADRS, HAM-D17, BDI-II (any score)'",
        "qualchoice-spravato | PHQ-9 at 15 is not above 15 | assessments[0].score=15 | SEVERITY | NOT_MET | 'no score within 28 days before 2026-11-30 is above its threshold (PHQ-9 15)'",
        "texas-medicaid-spravato | MDSI score after the start date | request.indication=MDSI; screening.acuteSuicidality=true; assessments[0].date=2026-12-01 | SEVERITY | NOT_MET | 'no score on or before 2026-11-30 is on PHQ-9, MADRS, HAM-D17, QIDS-C16, BDI-II (any score)'",
        // AUGMENTATION: the psychotherapy alternative by modality, in the episode, any number of sessions (CareFirst)
        "carefirst-spravato | CBT in the episode | '' | AUGMENTATION | MET | 'psychotherapy instead of augmentation: CBT, 2025-03-01 to 2025-07-01, 14 sessions (modality CBT, IPT, ST, PEI; in the current episode)'",
        "carefirst-spravato | counselling is no accepted modality | psychotherapy[0].modality=supportive counselling | AUGMENTATION | NOT_MET | '0 qualifying augmentation trials, 1 required, and no psychotherapy course of modality CBT, IPT, ST, PEI; in the current episode'",
        // PSYCHOTHERAPY: any course, any number of sessions, unless none is available (Medical Mutual)
        "medical-mutual-spravato | a course | '' | PSYCHOTHERAPY | MET | 'CBT, 2025-03-01 to 2025-07-01, 14 sessions (any number of sessions)'",
        "medical-mutual-spravato | sessions not recorded | psychotherapy[0].sessions=null | PSYCHOTHERAPY | MET | 'CBT, 2025-03-01 to 2025-07-01, sessions not recorded (any number of sessions)'",
        "medical-mutual-spravato | a course, and none available | request.psychotherapyUnavailable=true | PSYCHOTHERAPY | MET | 'CBT, 2025-03-01 to 2025-07-01, 14 sessions (any number of sessions)'",
        // CONTRAINDICATIONS: label contraindications plus the policy's own screens, no blood pressure
        "carefirst-spravato | screening clear | '' | CONTRAINDICATIONS | MET | 'no active substance use; no vascular contraindication; no known hypersensitivity to ketamine or esketamine'",
        "carefirst-spravato | active use, not treated | screening.substanceUse=ACTIVE | CONTRAINDICATIONS | NOT_MET | active substance use that is not recorded as treated",
        "triples-esketamine | active use | screening.substanceUse=ACTIVE | CONTRAINDICATIONS | NOT_MET | active substance use",
        // PRESCRIBER: specialty, or the consultation route where the policy has one
        "carefirst-spravato | psychiatrist who also names a consultant | $CONSULTANT | PRESCRIBER | MET | prescriber specialty: psychiatry",
        "carefirst-spravato | nurse practitioner with a consultant | prescriber.specialty=PSYCHIATRIC_NP; $CONSULTANT | PRESCRIBER | MET | 'consulting psychiatrist Rae Chen, MD (NPI 1245319599) for a prescriber in psychiatric nurse practitioner'",
        "carefirst-spravato | consultant, no specialty | prescriber.specialty=null; $CONSULTANT | PRESCRIBER | MET | 'consulting psychiatrist Rae Chen, MD (NPI 1245319599)'",
        "carefirst-spravato | nurse practitioner alone | prescriber.specialty=PSYCHIATRIC_NP | PRESCRIBER | NOT_MET | 'prescriber specialty psychiatric nurse practitioner is not accepted (accepted: psychiatry), and no consulting psychiatrist named'",
        "carefirst-spravato | consultant without NPI | prescriber.specialty=PSYCHIATRIC_NP; $CONSULTANT; prescriber.consultingPsychiatrist.npi=null | PRESCRIBER | NOT_MET | 'prescriber specialty psychiatric nurse practitioner is not accepted (accepted: psychiatry), and the consulting psychiatrist needs both name and NPI to count'",
        "cigna-spravato | no consultation route | prescriber.specialty=PSYCHIATRIC_NP; $CONSULTANT | PRESCRIBER | NOT_MET | 'prescriber specialty psychiatric nurse practitioner is not accepted (accepted: psychiatry)'",
        // PDMP without a window (Cigna)
        "cigna-spravato | any date up to the start | '' | PDMP | MET | 'PDMP checked 2026-11-10, 20 days before 2026-11-30 (this policy sets no window)'",
        "cigna-spravato | after the start date | screening.pdmpCheckedOn=2026-12-01 | PDMP | NOT_MET | 'PDMP checked 2026-12-01, 1 day after 2026-11-30; must be on or before the start date'",
        // REMS with the patient's enrolment (Texas)
        "texas-medicaid-spravato | certified and enrolled | screening.patientRemsEnrolled=true | REMS | MET | 'the facility is REMS-certified; the patient is enrolled in the REMS'",
        "texas-medicaid-spravato | certified, not enrolled | screening.patientRemsEnrolled=false | REMS | NOT_MET | 'the facility is REMS-certified; the patient is not enrolled in the REMS'",
        // INDICATION
        "cigna-spravato | no indication given | '' | INDICATION | MET | 'treatment-resistant depression (TRD) (no indication given) is a covered indication'",
        "cigna-spravato | TRD | request.indication=TRD | INDICATION | MET | 'treatment-resistant depression (TRD) is a covered indication'",
        "cigna-spravato | MDSI with suicidality | request.indication=MDSI; screening.acuteSuicidality=true | INDICATION | MET | 'depressive symptoms with acute suicidal ideation or behaviour (MDSI), with acute suicidality documented by the prescriber'",
        "cigna-spravato | MDSI without suicidality | request.indication=MDSI; screening.acuteSuicidality=false | INDICATION | NOT_MET | 'depressive symptoms with acute suicidal ideation or behaviour (MDSI) requested, but the prescriber''s evaluation does not document acute suicidality'",
        "triples-esketamine | MDSI under a TRD-only policy | request.indication=MDSI; screening.acuteSuicidality=true | INDICATION | NOT_MET | 'depressive symptoms with acute suicidal ideation or behaviour (MDSI) is not covered by this policy (covers treatment-resistant depression (TRD)); the request was judged as treatment-resistant depression'",
        // DIAGNOSIS with the structured interview (Triple-S)
        "triples-esketamine | interview recorded | diagnosis.structuredInterview=true | DIAGNOSIS | MET | 'F33.2 Major depressive disorder, recurrent severe without psychotic features, established by a structured clinical interview'",
        "triples-esketamine | no interview | diagnosis.structuredInterview=false | DIAGNOSIS | NOT_MET | 'F33.2 Major depressive disorder, recurrent severe without psychotic features; not established by a structured clinical interview, which this policy requires'",
        // AGE 18 to 64 (QualChoice: under 65)
        "qualchoice-spravato | 64 | patient.dateOfBirth=1962-11-30 | AGE | MET | 64 years on 2026-11-30",
        "qualchoice-spravato | 65 | patient.dateOfBirth=1961-11-30 | AGE | NOT_MET | '65 years on 2026-11-30; 18 to 64 years required'",
        // CONCURRENT_ANTIDEPRESSANT present, no stabilisation rule (Triple-S)
        "triples-esketamine | present | 'request.concurrentAntidepressant={\"drug\": \"escitalopram\"}' | CONCURRENT_ANTIDEPRESSANT | MET | escitalopram given alongside",
        // CONCURRENT_ANTIDEPRESSANT met under both of QualChoice's rules: the detail names each
        "qualchoice-spravato | stable, not a trial drug | 'request.concurrentAntidepressant={\"drug\": \"mirtazapine\", \"dailyDoseMg\": 30, \"startDate\": \"2026-11-01\"}' | CONCURRENT_ANTIDEPRESSANT | MET | 'mirtazapine 30 mg/day given alongside, not a drug of the case''s medication trials, started 2026-11-01, 29 days before 2026-11-30 (at least 14 days required)'",
    })
    void detailSaysWhichRuleDecided(String policy, String why, String edits, CriterionId id, CriterionStatus status,
            String detail) {
        CriterionResult result = judge(policy, edits, id);

        assertThat(result.status()).as(why).isEqualTo(status);
        assertThat(result.detail()).as(why).isEqualTo(detail);
    }

    @ParameterizedTest(name = "{0} {1}: {3}")
    @CsvSource(delimiter = '|', value = {
        "carefirst-spravato | score before the episode | assessments[0].instrument=MADRS; assessments[0].date=2024-12-20 | SEVERITY | 'MADRS 22 on 2024-12-20: before the current episode began on 2025-01-15'",
        "carefirst-spravato | score after the start date | assessments[0].instrument=MADRS; assessments[0].date=2026-12-01 | SEVERITY | 'MADRS 22 on 2026-12-01: 1 day after 2026-11-30, after the start date'",
        "carefirst-spravato | score without an episode start | assessments[0].instrument=MADRS; diagnosis.episodeStart=null | SEVERITY | 'MADRS 22 on 2026-11-10: no episode start date (diagnosis.episodeStart) to place it in the current episode'",
        "carefirst-spravato | course, no episode start | diagnosis.episodeStart=null | AUGMENTATION | 'psychotherapy: CBT, 2025-03-01 to 2025-07-01, 14 sessions; does not count: no episode start date (diagnosis.episodeStart) to place it in the current episode'",
        "carefirst-spravato | course without dates | psychotherapy[0].startDate=null; psychotherapy[0].endDate=null | AUGMENTATION | 'psychotherapy: CBT, 14 sessions; does not count: no dates to place it in the current episode'",
        "carefirst-spravato | modality not accepted | psychotherapy[0].modality=supportive counselling | AUGMENTATION | 'psychotherapy: supportive counselling, 2025-03-01 to 2025-07-01, 14 sessions; does not count: modality supportive counselling is not one this policy accepts (CBT, IPT, ST, PEI)'",
        "carefirst-spravato | course without a modality | psychotherapy[0].modality=null | AUGMENTATION | 'psychotherapy: modality not recorded, 2025-03-01 to 2025-07-01, 14 sessions; does not count: no modality recorded (this policy accepts CBT, IPT, ST, PEI)'",
        "texas-medicaid-spravato | MDSI score after the start date | request.indication=MDSI; screening.acuteSuicidality=true; assessments[0].date=2026-12-01 | SEVERITY | 'PHQ-9 22 on 2026-12-01: 1 day after 2026-11-30, after the start date'",
    })
    void evidenceSaysWhyAnEntryDoesNotCount(String policy, String why, String edits, CriterionId id, String line) {
        assertThat(judge(policy, edits, id).evidence()).as(why).contains(line);
    }
}

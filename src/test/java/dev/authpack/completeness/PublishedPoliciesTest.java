package dev.authpack.completeness;

import static dev.authpack.completeness.TestCatalogs.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.Indication;
import dev.authpack.casefile.Phase;
import dev.authpack.policy.Policy;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The published policies of contract v1.1 on the public samples 05 and 06 (exact results of their
 * README), the version in force on a start date, and the sentences that say which rule decided.
 * The rule-by-rule tables live in the policy files themselves ({@link PolicyExamplesTest}).
 */
class PublishedPoliciesTest {

    private static CompletenessReport judge(CaseData data) {
        LocalDate asOf = data.request().startDate();
        return TestCatalogs.EVALUATOR.evaluate(data, TestCatalogs.POLICIES.inForce(data.policyId(), asOf).orElseThrow(), asOf);
    }

    private static Map<String, String> statuses(CompletenessReport report) {
        Map<String, String> out = new LinkedHashMap<>();
        report.criteria().forEach(c -> out.put(c.id().name(), c.status().name()));
        return out;
    }

    @Test
    void cignaSampleWithAttestedPsychosisIsComplete() {
        CompletenessReport report = judge(CaseBuilder.sample("05-cigna-psychosis-attested.json").data());

        assertThat(report.missing()).isEmpty();
        assertThat(statuses(report)).containsExactly(Map.entry("TREATMENT", "MET"), Map.entry("AGE", "MET"),
                Map.entry("DIAGNOSIS", "MET"), Map.entry("INDICATION", "MET"), Map.entry("FAILED_TRIALS", "MET"),
                Map.entry("CONTRAINDICATIONS", "MET"), Map.entry("PRESCRIBER", "MET"), Map.entry("REMS", "MET"),
                Map.entry("PDMP", "MET"));
        assertThat(report.complete()).isTrue();
        assertThat(TestCatalogs.find(report, CriterionId.CONTRAINDICATIONS).orElseThrow().detail())
                .contains("the prescriber attests that the benefit outweighs the risk");
    }

    @Test
    void qualchoiceSampleFailsOnlyTheTooRecentAntidepressant() {
        CompletenessReport report = judge(CaseBuilder.sample("06-qualchoice-antidepressant-too-recent.json").data());

        assertThat(report.complete()).isFalse();
        assertThat(report.missing()).isEmpty();
        assertThat(statuses(report)).containsExactly(Map.entry("TREATMENT", "MET"), Map.entry("AGE", "MET"),
                Map.entry("DIAGNOSIS", "MET"), Map.entry("INDICATION", "MET"), Map.entry("SEVERITY", "MET"),
                Map.entry("FAILED_TRIALS", "MET"), Map.entry("AUGMENTATION", "MET"),
                Map.entry("CONCURRENT_ANTIDEPRESSANT", "NOT_MET"), Map.entry("PRIOR_ESKETAMINE", "MET"),
                Map.entry("CONTRAINDICATIONS", "MET"), Map.entry("PRESCRIBER", "MET"), Map.entry("REMS", "MET"));
        assertThat(TestCatalogs.find(report, CriterionId.CONCURRENT_ANTIDEPRESSANT).orElseThrow().detail())
                .isEqualTo("mirtazapine 30 mg/day started 2026-11-25, 10 days before 2026-12-05: at least 14 days required");
        assertThat(TestCatalogs.find(report, CriterionId.SEVERITY).orElseThrow().detail())
                .isEqualTo("PHQ-9 21 on 2026-11-25: 21 is above 15");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "PHQ-9 at the threshold         | assessments[0].score=15 | SEVERITY | PHQ-9 15 on 2026-11-25: PHQ-9 15 is not above 15",
        "trial of 29 days               | medicationTrials[1].endDate=2025-05-14 | FAILED_TRIALS | lasted 29 days: more than 4 weeks",
        "trial of 28 days               | medicationTrials[1].endDate=2025-05-13 | FAILED_TRIALS | lasted 28 days: not more than 4 weeks (29 days or more required)",
        "a MAOI under listed classes    | medicationTrials[1].drug=phenelzine; medicationTrials[1].drugClass=MAOI; medicationTrials[1].dailyDoseMg=45 | FAILED_TRIALS | class MAOI: only SSRI, SNRI, TCA, bupropion, mirtazapine count",
        "prior esketamine at 50 %       | request.priorEsketamineImprovementPct=50 | PRIOR_ESKETAMINE | earlier esketamine course: 50 % improvement, not above 50 %",
        "oral antidepressant that failed | request.concurrentAntidepressant.drug=duloxetine | CONCURRENT_ANTIDEPRESSANT | duloxetine 30 mg/day is the drug of a medication trial in this case (the policy wants another one) and started 2026-11-25",
    })
    void evidenceSaysWhichRuleDecided(String why, String edits, CriterionId id, String words) {
        CompletenessReport report = judge(CaseBuilder.sample("06-qualchoice-antidepressant-too-recent.json").with(edits).data());
        CriterionResult c = TestCatalogs.find(report, id).orElseThrow();

        assertThat(String.join(" | ", c.evidence()) + " | " + c.detail()).as(why).contains(words);
    }

    /**
     * The oral antidepressant beside esketamine must be an antidepressant: a drug whose class (given,
     * or the catalog's) is an augmentation agent is not one; a drug the catalog does not know is taken
     * as named. Sample 05 asks for TRD under Cigna; each row moves it to a policy that needs the drug.
     */
    @ParameterizedTest(name = "{0}: {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "triples-esketamine      | lithium      | LITHIUM                | NOT_MET",
        "triples-esketamine      | aripiprazole |                        | NOT_MET",
        "triples-esketamine      | quetiapine   | ATYPICAL_ANTIPSYCHOTIC | NOT_MET",
        "triples-esketamine      | escitalopram |                        | MET",
        "triples-esketamine      | trazodone    | OTHER_ANTIDEPRESSANT   | MET",
        "triples-esketamine      | zuranolone   |                        | MET",
        "triples-esketamine      | zuranolone   | THYROID                | NOT_MET",
        "bcbsma-087              | buspirone    |                        | NOT_MET",
        "bcbsma-087              | phenelzine   | MAOI                   | MET",
        "qualchoice-spravato     | liothyronine | THYROID                | NOT_MET",
        "qualchoice-spravato     | vilazodone   |                        | MET",
        "cigna-spravato MDSI     | lithium      |                        | NOT_MET",
        "cigna-spravato MDSI     | mirtazapine  |                        | MET",
        "texas-medicaid-spravato MDSI | brexpiprazole | ATYPICAL_ANTIPSYCHOTIC | NOT_MET",
    })
    void anAugmentationAgentIsNoOralAntidepressant(String policy, String drug, String drugClass, String status) {
        String[] words = policy.split(" ");
        String concurrent = "{\"drug\": \"" + drug + "\", \"startDate\": \"2026-01-01\""
                + (drugClass == null ? "" : ", \"drugClass\": \"" + drugClass + "\"") + "}";
        CompletenessReport report = judge(CaseBuilder.sample("05-cigna-psychosis-attested.json").with("policyId=" + words[0]
                + "; request.indication=" + (words.length > 1 ? words[1] : "TRD") + "; screening.acuteSuicidality=true"
                + "; request.concurrentAntidepressant=" + concurrent).data());
        CriterionResult c = TestCatalogs.find(report, CriterionId.CONCURRENT_ANTIDEPRESSANT).orElseThrow();

        assertThat(c.status().name()).as(c.detail()).isEqualTo(status);
        if (status.equals("NOT_MET")) {
            assertThat(c.detail()).contains(drug + " is an augmentation agent (").contains("), not an antidepressant");
            assertThat(c.fixField()).isEqualTo("request.concurrentAntidepressant.drug");
        }
    }

    /**
     * QualChoice wants the drug alongside stable for 14 days: lithium without a start date was MISSING "no start
     * date", sending the clerk to a date that cannot make it pass. It is NOT_MET for what it is.
     */
    @Test
    void anAugmentationAgentWithoutAStartDateIsNotMetNotMissingItsDate() {
        CompletenessReport report = judge(CaseBuilder.sample("05-cigna-psychosis-attested.json").with(
                "policyId=qualchoice-spravato; request.concurrentAntidepressant={\"drug\": \"Lithium\"}").data());
        CriterionResult c = TestCatalogs.find(report, CriterionId.CONCURRENT_ANTIDEPRESSANT).orElseThrow();

        assertThat(c.status().name()).as(c.detail()).isEqualTo("NOT_MET");
        assertThat(c.detail()).isEqualTo("Lithium is an augmentation agent (lithium), not an antidepressant");
        assertThat(c.fixField()).isEqualTo("request.concurrentAntidepressant.drug");
    }

    /**
     * The same for QualChoice's other rule: the drug of a failed trial given alongside without a start date was
     * MISSING "no start date"; entered, the date turned it NOT_MET for being a trial drug, which no date changes.
     */
    @Test
    void aTrialDrugAlongsideWithoutAStartDateIsNotMetNotMissingItsDate() {
        CompletenessReport report = judge(CaseBuilder.sample("05-cigna-psychosis-attested.json").with(
                "policyId=qualchoice-spravato; request.concurrentAntidepressant={\"drug\": \"Escitalopram\"}").data());
        CriterionResult c = TestCatalogs.find(report, CriterionId.CONCURRENT_ANTIDEPRESSANT).orElseThrow();

        assertThat(c.status().name()).as(c.detail()).isEqualTo("NOT_MET");
        assertThat(c.detail()).isEqualTo("Escitalopram is the drug of a medication trial in this case (the policy wants "
                + "another one)");
        assertThat(c.fixField()).isEqualTo("request.concurrentAntidepressant.drug");
    }

    @ParameterizedTest(name = "start {0}: version {1}")
    @CsvSource(delimiter = '|', value = {
        "2019-10-01 | 2019.10 | 2019-10-01",
        "2020-12-31 | 2019.10 | 2019-10-01",
        "2021-01-01 | 2021.01 | 2021-01-01",
        "2025-04-30 | 2021.01 | 2021-01-01",
        "2025-05-01 | 2025.05 | 2025-05-01",
        "2025-09-30 | 2025.05 | 2025-05-01",
        "2025-10-01 | 2025.10 | 2025-10-01",
        "2026-12-07 | 2025.10 | 2025-10-01",
    })
    void theVersionInForceOnTheStartDateDecides(LocalDate start, String version, LocalDate effectiveFrom) {
        CompletenessReport report = judge(CaseBuilder.sample("05-cigna-psychosis-attested.json")
                .with("policyId=texas-medicaid-spravato; request.startDate=" + start).data());

        assertThat(report.policy()).isEqualTo(new CompletenessReport.PolicyRef("texas-medicaid-spravato", version, effectiveFrom));
        assertThat(status(report, CriterionId.TREATMENT)).isEqualTo("MET");
    }

    @Test
    void psychoticFeaturesCodeIsAcceptedByTexasSince2025() {
        CaseBuilder f333 = CaseBuilder.sample("05-cigna-psychosis-attested.json").with("policyId=texas-medicaid-spravato");

        assertThat(status(judge(f333.with("request.startDate=2025-04-30").data()), CriterionId.DIAGNOSIS)).isEqualTo("NOT_MET");
        assertThat(status(judge(f333.with("request.startDate=2025-05-01").data()), CriterionId.DIAGNOSIS)).isEqualTo("MET");
    }

    @Test
    void aStartDateBeforeEveryVersionIsNotCoveredAndNamesTheFirstDate() {
        CompletenessReport report = judge(CaseBuilder.sample("05-cigna-psychosis-attested.json")
                .with("policyId=texas-medicaid-spravato; request.startDate=2019-09-30; diagnosis.episodeStart=2019-01-01;"
                        + " medicationTrials=[]; screening.pdmpCheckedOn=2019-09-01").data());
        CriterionResult treatment = TestCatalogs.find(report, CriterionId.TREATMENT).orElseThrow();

        assertThat(treatment.status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(treatment.detail()).contains("2019-10-01");
        assertThat(report.policy().version()).isEqualTo("2019.10");
    }

    @Test
    void approvalFollowsIndicationAndPhase() {
        Policy cigna = TestCatalogs.policy("cigna-spravato");
        Policy carefirst = TestCatalogs.policy("carefirst-spravato");

        assertThat(cigna.approvalFor(Indication.TRD, Phase.INITIAL).toString()).isEqualTo("6 months");
        assertThat(cigna.approvalFor(Indication.MDSI, Phase.INITIAL).toString()).isEqualTo("2 months");
        assertThat(carefirst.approvalFor(Indication.TRD, Phase.INITIAL).toString()).isEqualTo("1 month");
        assertThat(carefirst.approvalFor(Indication.TRD, Phase.REAUTHORIZATION).toString()).isEqualTo("3 months");
        assertThat(TestCatalogs.policy("aetna-ketamine-0938").approvalFor(Indication.TRD, Phase.INITIAL)).isNull();
        assertThat(TestCatalogs.policy("esketamine-standard").approvalFor(Indication.MDSI, Phase.INITIAL).toString())
                .isEqualTo("6 months");
    }

    /**
     * A TRD-only policy judges an MDSI request as TRD (INDICATION NOT_MET), so the approval the
     * exception packet names is the TRD one: Triple-S writes its 28 days under TRD only, and showed none.
     */
    @Test
    void anIndicationThePolicyDoesNotCoverIsApprovedAsTrd() {
        assertThat(TestCatalogs.policy("triples-esketamine").approvalFor(Indication.MDSI, Phase.INITIAL))
                .hasToString("28 days");
        assertThat(TestCatalogs.policy("bcbsma-087").approvalFor(Indication.MDSI, Phase.INITIAL)).hasToString("28 days");
        assertThat(TestCatalogs.POLICIES.inForce("texas-medicaid-spravato", java.time.LocalDate.of(2020, 6, 1)).orElseThrow()
                .approvalFor(Indication.MDSI, Phase.INITIAL)).hasToString("6 months");
    }

    @Test
    void aetnaExplainsWhyIvKetamineIsRefused() {
        CompletenessReport report = judge(CaseBuilder.sample("03-self-pay-ketamine.json")
                .with("policyId=aetna-ketamine-0938; coverage.planType=COMMERCIAL; patient.memberId=A1").data());

        assertThat(report.criteria()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(CriterionId.TREATMENT);
            assertThat(c.status()).isEqualTo(CriterionStatus.NOT_MET);
            assertThat(c.detail()).contains("experimental and investigational").contains("self-pay estimate")
                    .contains("clinical-exception request");
        });
    }

    @Test
    void theOriginalPoliciesIgnoreTheNewMembers() {
        CaseBuilder complete = CaseBuilder.complete().with("request.indication=MDSI; screening.ketamineHypersensitivity=true;"
                + " screening.concurrentTherapies=[\"TMS\"]; request.priorEsketamineImprovementPct=0");

        CompletenessReport report = judge(complete.data());

        assertThat(report.complete()).isTrue();
        assertThat(statuses(report)).doesNotContainKeys("INDICATION", "CONCURRENT_ANTIDEPRESSANT", "PRIOR_ESKETAMINE");
    }
    @Test
    void trialDetailUnderAPolicyWithoutAClassRuleAsksForNoClasses() {
        CompletenessReport report = judge(CaseBuilder.sample("05-cigna-psychosis-attested.json")
                .with("policyId=texas-medicaid-spravato").data());

        CriterionResult trials = TestCatalogs.find(report, CriterionId.FAILED_TRIALS).orElseThrow();
        assertThat(trials.status().name()).isEqualTo("MET");
        assertThat(trials.detail()).contains("(2 required, of any class)").doesNotContain("0 classes");
    }

    @Test
    void openPsychotherapyCourseBeforeTheEpisodeIsSaidToHaveStartedNotEnded() {
        CompletenessReport report = judge(CaseBuilder.complete().with("policyId=carefirst-spravato;"
                + " psychotherapy[0].startDate=2024-06-01; psychotherapy[0].endDate=null; diagnosis.episodeStart=2025-01-15").data());

        assertThat(TestCatalogs.find(report, CriterionId.AUGMENTATION).orElseThrow().evidence())
                .anySatisfy(line -> assertThat(line).contains("started, with no end date, before the current episode began on 2025-01-15"))
                .noneSatisfy(line -> assertThat(line).contains("ended before the current episode"));
    }
}

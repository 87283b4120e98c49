package dev.authpack.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.CaseData;
import dev.authpack.completeness.CompletenessService;
import dev.authpack.content.TemplatesProperties;
import dev.authpack.policy.DiagnosisCodes;
import dev.authpack.policy.DrugCatalog;
import dev.authpack.policy.PolicyCatalog;
import dev.authpack.support.Samples;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The facts the packet's letter and request page state about a case, from the view model (no PDF): how
 * many monotherapy trials and classes, how many reach into the current episode and how long it has
 * lasted, the patient's age, the units requested, the concurrent antidepressant, the consulting
 * psychiatrist and the psychosis attestation. Sample 01 (Dana Reyes), changed one field at a time; the case is
 * judged as of its requested start, 2026-11-30 (the letter is dated the day it is made, 2026-11-20).
 */
class PacketLetterFactsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
    private static final TemplatesProperties TEMPLATES = new TemplatesProperties(Path.of("templates"));
    private static final DiagnosisCodes CODES = new DiagnosisCodes(TEMPLATES);
    private static final DrugCatalog DRUGS = new DrugCatalog(TEMPLATES);
    private static final PolicyCatalog POLICIES = new PolicyCatalog(TEMPLATES, CODES);
    private static final CompletenessService COMPLETENESS = new CompletenessService(POLICIES, DRUGS, CODES, CLOCK);
    private static final PacketViewFactory VIEWS = new PacketViewFactory(POLICIES, CODES, DRUGS, CLOCK);

    @Test
    void theSampleCasesLetterCountsItsTrialsClassesAndEpisode() {
        PacketView view = view(Samples.tree("01-complete-esketamine"));

        PacketView.Letter letter = view.letter();
        assertThat(letter.trialCount()).isEqualTo(2);
        assertThat(letter.classCount()).isEqualTo(2);
        assertThat(letter.trialsInEpisode()).isEqualTo(2);
        assertThat(letter.episodeMonths()).isEqualTo("22");
        assertThat(letter.latest()).isEqualTo(new PacketView.ScoreRow("PHQ-9", 22, 27, "2026-11-10"));
        assertThat(letter.baseline()).as("one score is no baseline").isNull();
        assertThat(letter.improvement()).isNull();
        assertThat(letter.esketamine()).isTrue();
        assertThat(letter.psychotherapyCourses()).isEqualTo(1);
        assertThat(letter.suicidality()).isFalse();
        assertThat(letter.concurrentAntidepressant()).isNull();
        assertThat(letter.psychosisRiskAttested()).isFalse();
        assertThat(letter.date()).isEqualTo("2026-11-20");
        assertThat(view.patient().age()).isEqualTo(47);
        assertThat(view.patient().memberId()).isEqualTo("XJH123456789");
        assertThat(view.request().lines()).extracting(PacketView.LineRow::totalUnits).containsExactly(8);
        assertThat(view.request().consultantName()).isNull();
        assertThat(view.meta().reauthorization()).isFalse();
        assertThat(view.meta().exception()).isFalse();
    }

    @Test
    void theSampleCasesCoverRequestAndPolicyAreThePoliciesThatJudgedIt() {
        PacketView view = view(Samples.tree("01-complete-esketamine"));

        assertThat(view.meta().policyId()).isEqualTo("esketamine-standard");
        assertThat(view.meta().policyVersion()).isEqualTo("2026.1");
        assertThat(view.meta().policyName()).isEqualTo("Esketamine (Spravato), standard commercial criteria");
        assertThat(view.meta().policySource()).as("a policy without a citation: its source alone").isEqualTo(
                "Typical commercial Spravato medical policy, late 2026: 2 failed antidepressants of 2 classes, 6 weeks each,"
                        + " severity within 4 weeks");
        assertThat(view.meta().generatedOn()).isEqualTo("2026-11-20");
        assertThat(view.cover()).isEqualTo(new PacketView.Cover("Example Health Plan", "North Clinic",
                "1 Main St, Springfield, MA 01101", "555-0100", "555-0101", "2026-11-20", false, "Alex Morgan, MD",
                "1234567893"));
        PacketView.Request request = view.request();
        assertThat(request.icd10()).isEqualTo("F33.2");
        assertThat(request.diagnosisDescription()).startsWith("Major depressive disorder, recurrent");
        assertThat(request.planType()).isEqualTo(dev.authpack.casefile.ClinicalWords.planType(
                dev.authpack.casefile.PlanType.COMMERCIAL));
        assertThat(request.prescriberSpecialty()).isEqualTo("psychiatry");
        assertThat(request.approvalPeriod()).isEqualTo("6 months");
        assertThat(view.criteria()).isNotEmpty().allSatisfy(row -> assertThat(row.id()).isNotNull());
        assertThat(view.criteria()).extracting(PacketView.CriterionRow::id)
                .containsExactlyElementsOf(COMPLETENESS.check(JSON.readValue(Samples.json(Samples.tree("01-complete-esketamine")),
                        CaseData.class)).criteria().stream().map(c -> c.id().name()).toList());
    }

    @Test
    void aCitedPolicysSourceNamesItsDocumentDateAddressAndSecondarySource() {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        c.put("policyId", "bcbsma-087");

        assertThat(view(c).meta().policySource()).isEqualTo("Blue Cross Blue Shield of Massachusetts medical policy 087 /"
                + " prior-authorization request form 094 (docslib mirror); augmentation, trial duration and oral-antidepressant"
                + " items from a Massachusetts clinic's coverage page; BCBSMA medical policy 087, request form 094;"
                + " as read November 2026; https://docslib.org/ (mirror of BCBSMA request form 094). Secondary source:"
                + " AUGMENTATION, the 6-week trial duration and CONCURRENT_ANTIDEPRESSANT come from a Massachusetts clinic's"
                + " coverage page (secondary source), not from the form");
    }

    @Test
    void aCaseWithoutAKnownPolicyNamesNoPolicyNorApprovalAndNoDiagnosisWords() {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        c.put("policyId", "no-such-policy");
        ((ObjectNode) c.get("diagnosis")).remove("icd10");
        ((ObjectNode) c.get("coverage")).remove("planType");
        ((ObjectNode) c.get("prescriber")).remove("specialty");

        PacketView view = view(c);

        assertThat(view.meta().policyName()).isNull();
        assertThat(view.meta().policySource()).isNull();
        assertThat(view.request().approvalPeriod()).isNull();
        assertThat(view.request().icd10()).isNull();
        assertThat(view.request().diagnosisDescription()).isNull();
        assertThat(view.request().planType()).isNull();
        assertThat(view.request().prescriberSpecialty()).isNull();
    }

    /** The criteria's episode rule: a trial that ended before the episode began is not in it; one running still is. */
    @ParameterizedTest(name = "third trial {0} to {1}: {2} of 3 in the episode")
    @CsvSource(nullValues = "null", textBlock = """
            2024-06-01, 2025-01-14, 2
            2024-06-01, 2025-01-15, 3
            2025-09-01, null,       3
            """)
    void aTrialIsInTheEpisodeUnlessItEndedBeforeTheEpisodeBegan(String start, String end, int inEpisode) {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ObjectNode trial = ((ArrayNode) c.get("medicationTrials")).addObject();
        trial.put("drug", "bupropion").put("role", "MONOTHERAPY").put("startDate", start);
        if (end != null) {
            trial.put("endDate", end);
        }

        PacketView.Letter letter = view(c).letter();

        assertThat(letter.trialCount()).isEqualTo(3);
        assertThat(letter.classCount()).as("bupropion's class from the catalog").isEqualTo(3);
        assertThat(letter.trialsInEpisode()).isEqualTo(inEpisode);
    }

    @Test
    void aSecondTrialOfAClassAndAnAugmentationAddNoClass() {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ArrayNode trials = (ArrayNode) c.get("medicationTrials");
        trials.addObject().put("drug", "escitalopram").put("startDate", "2025-08-01").put("endDate", "2025-10-01");
        trials.addObject().put("drug", "aripiprazole").put("role", "AUGMENTATION").put("startDate", "2025-08-01");

        PacketView.Letter letter = view(c).letter();

        assertThat(letter.trialCount()).isEqualTo(3);
        assertThat(letter.classCount()).isEqualTo(2);
    }

    /** An episode start after the requested start (a mistyped date) is no months, never a negative number. */
    @ParameterizedTest(name = "episode from {0}: {1} months")
    @CsvSource(nullValues = "null", textBlock = """
            2026-10-31, 0
            2026-10-30, 1
            2025-11-30, 12
            2026-12-15, 0
            null,       null
            """)
    void theEpisodesLengthIsInWholeMonthsToTheDayTheCaseIsJudged(String episodeStart, String months) {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("diagnosis")).put("episodeStart", episodeStart);

        PacketView.Letter letter = view(c).letter();

        assertThat(letter.episodeMonths()).isEqualTo(months);
        if (episodeStart == null) {
            assertThat(letter.trialsInEpisode()).isNull();
        }
    }

    @ParameterizedTest(name = "born {0}: {1} on 2026-11-30")
    @CsvSource({"1979-11-30, 47", "1979-12-01, 46", "2008-11-30, 18"})
    void theAgeIsInWholeYearsOnTheDayTheCaseIsJudged(String born, int age) {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("patient")).put("dateOfBirth", born);

        assertThat(view(c).patient().age()).isEqualTo(age);
    }

    @Test
    void aSelfPayPacketNamesNoMemberId() {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("coverage")).put("planType", "SELF_PAY");

        assertThat(view(c).patient().memberId()).isNull();
        assertThat(view(c).meta().selfPay()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} mg since {2}: ''{3}''")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            escitalopram | 10.0 | 2026-11-01 | escitalopram 10 mg/day since 2026-11-01
            escitalopram | null | 2026-11-01 | escitalopram since 2026-11-01
            escitalopram | 15   | null       | escitalopram 15 mg/day
            """)
    void theConcurrentAntidepressantIsWrittenWithWhatIsKnownOfIt(String drug, String dose, String since, String written) {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ObjectNode concurrent = ((ObjectNode) c.get("request")).putObject("concurrentAntidepressant").put("drug", drug);
        if (dose != null) {
            concurrent.put("dailyDoseMg", new java.math.BigDecimal(dose));
        }
        if (since != null) {
            concurrent.put("startDate", since);
        }

        assertThat(view(c).letter().concurrentAntidepressant()).isEqualTo(written);
    }

    @ParameterizedTest(name = "consultant {0} / {1}: shown {2}")
    @CsvSource(nullValues = "null", textBlock = """
            'Sam Lee, MD', 1245319599, true
            'Sam Lee, MD', null,       false
            null,          1245319599, false
            """)
    void aConsultingPsychiatristIsShownOnlyWithNameAndNpi(String name, String npi, boolean shown) {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ObjectNode consultant = ((ObjectNode) c.get("prescriber")).putObject("consultingPsychiatrist");
        consultant.put("name", name).put("npi", npi);

        PacketView.Request request = view(c).request();

        assertThat(request.consultantName()).isEqualTo(shown ? name : null);
        assertThat(request.consultantNpi()).isEqualTo(shown ? npi : null);
    }

    @ParameterizedTest(name = "attested {0}, psychotic features {1}, ICD-10 {2}: stated {3}")
    @CsvSource(nullValues = "null", textBlock = """
            true,  true,  F33.2, true
            true,  false, F33.2, false
            true,  false, F33.3, true
            false, true,  F33.3, false
            null,  true,  F33.2, false
            """)
    void thePsychosisAttestationIsStatedOnlyWhenThereIsPsychosisToWeigh(Boolean attested, boolean features, String icd10,
                                                                        boolean stated) {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("screening")).put("psychosisRiskAttested", attested).put("psychoticFeatures", features);
        ((ObjectNode) c.get("diagnosis")).put("icd10", icd10);

        assertThat(view(c).letter().psychosisRiskAttested()).isEqualTo(stated);
    }

    @Test
    void aRenewalsLetterNamesTheAuthorizationItRenewsAndTheSessionsGivenUnderIt() {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("request")).put("phase", "REAUTHORIZATION");
        CaseData data = JSON.readValue(Samples.json(c), CaseData.class);
        var renewed = new dev.authpack.casefile.RenewedAuthorizations.Renewed("AUTH-5521",
                java.time.LocalDate.of(2026, 5, 1), java.time.LocalDate.of(2026, 10, 31), 24, 19);

        PacketView view = VIEWS.build(data, COMPLETENESS.check(data), List.of("Progress notes"), true, renewed);

        assertThat(view.letter().renewal()).isEqualTo(
                new PacketView.Renewal("AUTH-5521", "2026-05-01", "2026-10-31", 24, 19));
        assertThat(view.meta().reauthorization()).isTrue();
        assertThat(view.meta().exception()).isTrue();
        assertThat(view.enclosures()).containsExactly("Progress notes");
        assertThat(view(c).letter().renewal()).as("not started as a renewal").isNull();
    }

    @Test
    void acuteSuicidalityIsStatedAndARequestWithoutSessionsHasNoUnitTotal() {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("screening")).put("acuteSuicidality", true);
        ((ObjectNode) c.get("request")).remove("sessions");

        PacketView view = view(c);

        assertThat(view.letter().suicidality()).isTrue();
        assertThat(view.request().lines()).extracting(PacketView.LineRow::totalUnits).containsOnlyNulls();
    }

    private static PacketView view(ObjectNode tree) {
        CaseData data = JSON.readValue(Samples.json(tree), CaseData.class);
        return VIEWS.build(data, COMPLETENESS.check(data), List.of(), false);
    }
}

package dev.authpack.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.CaseData;
import dev.authpack.rendering.PdfChecks;
import dev.authpack.support.Samples;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The packet read back as a reviewer reads it: the letter in clinical English ("PHQ-9 score 21 of
 * 27", "psychiatry", "two trials of two classes"), and no code of the case format (PSYCHIATRY, PHQ9,
 * ATYPICAL_ANTIPSYCHOTIC) nor a JSON path anywhere in the packet.
 */
class PacketLetterWordingTest {

    /** Enum names and case paths, as they would leak: a word in capitals with an underscore, a bare code, a member path. */
    private static final String LEAKS = "\\b[A-Z]+_[A-Z_]+\\b|\\b(PHQ9|HAMD17|BDI2|PSYCHIATRY|COMMERCIAL|MEDICAID|MONOTHERAPY|AUGMENTATION)\\b"
            + "|\\b(patient|coverage|prescriber|facility|diagnosis|screening|request)\\.[a-z]+[A-Z]\\w*|medicationTrials\\[";

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource({
            "PHQ9,     21, PSYCHIATRY,     PHQ-9 score 21 of 27,           psychiatry",
            "MADRS,    34, PSYCHIATRIC_NP, MADRS score 34 of 60,           psychiatric nurse practitioner",
            "HAMD17,   24, PSYCHIATRY,     HAM-D (17-item) score 24 of 52, psychiatry",
            "QIDS_C16, 17, PSYCHIATRY,     QIDS-C16 score 17 of 27,        psychiatry",
            "BDI2,     40, PRIMARY_CARE,   BDI-II score 40 of 63,          primary care"})
    void letterNamesTheScaleItsMaximumAndTheSpecialtyInWords(String instrument, int score, String specialty,
                                                            String severity, String specialtyWords) throws Exception {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ArrayNode) c.putArray("assessments")).addObject().put("instrument", instrument).put("score", score)
                .put("date", "2026-11-10");
        ((ObjectNode) c.get("prescriber")).put("specialty", specialty);
        // an augmentation trial of a class whose code has an underscore
        ((ArrayNode) c.get("medicationTrials")).addObject().put("drug", "aripiprazole").put("drugClass", "ATYPICAL_ANTIPSYCHOTIC")
                .put("role", "AUGMENTATION").put("dailyDoseMg", 5).put("startDate", "2025-08-01").put("endDate", "2025-10-15")
                .put("outcome", "INADEQUATE_RESPONSE");

        String text = packetText(PacketPdfTest.parse(c));
        String letter = text.substring(text.lastIndexOf("Letter of Medical Necessity"));

        assertThat(letter).contains(severity, "two trials of two classes of antidepressant",
                "Augmentation: one trial", "aripiprazole (atypical antipsychotic)", "Alex Morgan, MD, " + specialtyWords + ", NPI");
        assertThat(text).doesNotContainPattern(LEAKS);
    }

    @org.junit.jupiter.api.Test
    void oneTrialIsSingular() throws Exception {
        CaseData one = PacketFixtures.sample("02-one-failed-trial");

        String letter = packetText(one);

        assertThat(letter).contains("one trial of one class of antidepressant").doesNotContain("trial(s)", "class(es)");
        assertThat(letter).doesNotContainPattern(LEAKS);
    }

    @org.junit.jupiter.api.Test
    void anExceptionLetterForACaseThatMeetsEveryCriterionDoesNotSayItFailsAny() throws Exception {
        String met = packetText(PacketFixtures.sample("01-complete-esketamine"), true);
        String unmet = packetText(PacketFixtures.sample("02-one-failed-trial"), true);

        assertThat(met).contains("at the prescriber's request. The enclosed checklist shows every criterion of the policy as met")
                .doesNotContain("does not meet every criterion", "The criteria not met");
        assertThat(unmet).contains("does not meet every criterion", "The criteria not met",
                "Failed antidepressant trials: 1 qualifying trial, 2 required")
                .doesNotContain("shows every criterion of the policy as met");
    }

    /**
     * The checklist says a trial that ended before the current episode does not qualify: the letter
     * must not count it among "this episode"'s trials either, nor place trials in an episode whose
     * start the case does not give.
     */
    @org.junit.jupiter.api.Test
    void aTrialThatEndedBeforeTheCurrentEpisodeIsNotCountedAsATrialOfThisEpisode() throws Exception {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        // fluoxetine in 2019; the current episode began on 2025-01-15
        ((ArrayNode) c.get("medicationTrials")).insertObject(0).put("drug", "fluoxetine").put("drugClass", "SSRI")
                .put("dailyDoseMg", 40).put("startDate", "2019-01-10").put("endDate", "2019-04-01")
                .put("outcome", "INADEQUATE_RESPONSE").put("improvementPct", 5).put("adherencePct", 90);

        String text = packetText(PacketPdfTest.parse(c));
        String letter = text.substring(text.lastIndexOf("Letter of Medical Necessity"));

        assertThat(letter).contains("The patient has had three trials of two classes of antidepressant, two of them in"
                        + " the current episode:", "fluoxetine (SSRI) 40 mg/day, 2019-01-10 to 2019-04-01")
                .doesNotContain("In this episode");
    }

    @org.junit.jupiter.api.Test
    void withoutAnEpisodeStartTheLetterDoesNotSayTheTrialsWereInThisEpisode() throws Exception {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("diagnosis")).remove("episodeStart");

        String text = packetText(PacketPdfTest.parse(c));
        String letter = text.substring(text.lastIndexOf("Letter of Medical Necessity"), text.indexOf("Sincerely"));

        assertThat(letter).contains("The patient has had two trials of two classes of antidepressant:")
                .doesNotContain("In this episode", "of them in the current episode");
    }

    /** The report names the absent episode start by its JSON path, for the clerk; the packet says it in words. */
    @org.junit.jupiter.api.Test
    void withoutAnEpisodeStartTheChecklistSaysSoInWordsNotByFieldName() throws Exception {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("diagnosis")).remove("episodeStart");

        String text = packetText(PacketPdfTest.parse(c));

        assertThat(text).contains("no episode start date recorded to place it in the current episode")
                .doesNotContain("episodeStart").doesNotContainPattern(LEAKS);
    }

    @org.junit.jupiter.api.Test
    void aScreeningWithoutSomeAnswersNamesThemInWordsNotByFieldName() throws Exception {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("screening")).remove(List.of("psychoticFeatures", "measuredOn"));

        String text = packetText(PacketPdfTest.parse(c));

        assertThat(text).contains("the screening does not record psychotic features, the date of the blood-pressure reading")
                .doesNotContain("psychoticFeatures", "measuredOn", "screening lacks");
    }

    /** "the same rating scale" presumes a score; the letter of a case without one said so two sentences earlier. */
    @org.junit.jupiter.api.Test
    void thePlanNamesTheCasesScaleAndNoScaleWithoutAScore() throws Exception {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        String scored = packetText(PacketPdfTest.parse(c));
        c.putArray("assessments");
        String unscored = packetText(PacketPdfTest.parse(c));

        assertThat(scored).contains("Response will be measured with the PHQ-9 at regular intervals.");
        assertThat(unscored).contains("No severity score is documented.",
                        "Response will be measured with a standardized depression rating scale, starting before the first session.")
                .doesNotContain("the same rating scale");
    }

    /** Nits a payer's reviewer found: a capital mid-sentence, "bupropion (bupropion)", "to ongoing", "KETAMINE". */
    @org.junit.jupiter.api.Test
    void theLetterAndChecklistReadAsSentences() throws Exception {
        ObjectNode c = Samples.tree("05-cigna-psychosis-attested");
        c.put("policyId", "medical-mutual-spravato");
        ArrayNode trials = (ArrayNode) c.get("medicationTrials");
        ((ObjectNode) trials.get(1)).remove("endDate"); // bupropion, still taken
        trials.addObject().put("drug", "lithium").put("drugClass", "LITHIUM").put("role", "AUGMENTATION")
                .put("dailyDoseMg", 600).put("startDate", "2025-09-15").put("endDate", "2025-11-20")
                .put("outcome", "INADEQUATE_RESPONSE");

        String text = packetText(PacketPdfTest.parse(c));
        String letter = text.substring(text.lastIndexOf("Letter of Medical Necessity"));

        assertThat(letter).contains("The request is for treatment-resistant depression (TRD).",
                        "escitalopram (SSRI) 20 mg/day, 2025-04-01 to 2025-06-10", "bupropion 300 mg/day, since 2025-07-01, ongoing (",
                        "lithium 600 mg/day, 2025-09-15 to 2025-11-20")
                .doesNotContain("The request is for Treatment", "bupropion (bupropion)", "lithium (lithium)", "to ongoing");
        assertThat(text).contains("no concurrent ECT, TMS, VNS, DBS, ketamine").doesNotContain("KETAMINE");
    }

    /**
     * A trial without a dose read "sertraline (SSRI) not documented, 2025-…", as if the trial itself were
     * undocumented; a trial without dates read "(not documented weeks)". Each missing fact is named, in the
     * letter and in the exception letter, and the history table keeps its dash for a dose it does not have.
     */
    @ParameterizedTest(name = "exception letter: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void aTrialWithoutADoseOrDatesSaysWhichIsNotDocumented(boolean exception) throws Exception {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ArrayNode trials = (ArrayNode) c.get("medicationTrials");
        trials.addObject().put("drug", "sertraline").put("drugClass", "SSRI").put("role", "AUGMENTATION")
                .put("startDate", "2025-02-01").put("endDate", "2025-03-20").put("outcome", "INADEQUATE_RESPONSE");
        trials.addObject().put("drug", "lithium").put("drugClass", "LITHIUM").put("role", "AUGMENTATION")
                .put("dailyDoseMg", 600).put("outcome", "INADEQUATE_RESPONSE");

        String text = packetText(PacketPdfTest.parse(c), exception);
        String letter = text.substring(text.lastIndexOf("Letter of Medical Necessity"));

        assertThat(letter).contains("sertraline (SSRI) dose not documented, 2025-02-01 to 2025-03-20 (",
                        "lithium 600 mg/day, dates not documented: inadequate response")
                .doesNotContain("(SSRI) not documented,", "not documented weeks");
        assertThat(text).contains("sertraline SSRI - 2025-02-01");
    }

    /**
     * A drug whose class neither the case nor the drug catalog knows read "zuranolone (not documented) 225 mg/day",
     * as if the drug itself were not documented. The letter says which fact is missing, as it does for the dose
     * and the dates; the history table keeps its dash.
     */
    @ParameterizedTest(name = "exception letter: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void aTrialOfUnknownClassSaysTheClassIsNotDocumentedNotTheDrug(boolean exception) throws Exception {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("medicationTrials").get(1)).put("drug", "zuranolone").remove("drugClass");

        String text = packetText(PacketPdfTest.parse(c), exception);
        String letter = text.substring(text.lastIndexOf("Letter of Medical Necessity"));

        assertThat(letter).contains("zuranolone (class not documented) 225 mg/day, 2025-05-01 to 2025-07-20")
                .doesNotContain("zuranolone (not documented)");
        assertThat(text).contains("zuranolone - 225 mg/day 2025-05-01");
    }

    /** As in the appeal: a letter whose closing falls at a page's foot must not seem to end unsigned. */
    @org.junit.jupiter.api.Test
    void theLettersClosingAndSignatureLineAreNeverOnDifferentPages() throws Exception {
        List<Integer> split = new java.util.ArrayList<>();
        for (int extra = 18; extra <= 34; extra++) { // the closing reaches the foot of page 1 of the letter at 25 to 27
            ObjectNode c = Samples.tree("01-complete-esketamine");
            ArrayNode trials = (ArrayNode) c.get("medicationTrials");
            for (int i = 0; i < extra; i++) {
                trials.addObject().put("drug", "drug number " + i).put("role", "AUGMENTATION").put("dailyDoseMg", 10)
                        .put("startDate", "2025-08-01").put("endDate", "2025-10-01").put("outcome", "INADEQUATE_RESPONSE");
            }
            var pdf = PacketPdfTest.FIX.packet(PacketPdfTest.parse(c), false, List.of());
            for (String page : PdfChecks.pageTexts(pdf.bytes())) {
                if (page.contains("Sincerely,") != page.contains("Signature:")) {
                    split.add(extra);
                }
            }
        }
        assertThat(split).as("augmentation trials after which the closing and the signature part").isEmpty();
    }

    @org.junit.jupiter.api.Test
    void whenEveryTrialIsInTheCurrentEpisodeTheLetterSaysSo() throws Exception {
        String letter = packetText(PacketFixtures.sample("01-complete-esketamine"));

        assertThat(letter).contains("In this episode the patient has had two trials of two classes of antidepressant:");
    }

    /**
     * A score that rose was reported as "an improvement of -5 %", and a trial whose score rose as "-5 %
     * improvement" (under "Improvement": "-5 %", beside the table's "-" for a missing value): once a fax loses the
     * minus, a worsening reads as an improvement. A rise says "worse" in words, no change says "no improvement",
     * in the letter, the history table and the checklist.
     */
    @ParameterizedTest(name = "PHQ-9 {0} to {1}, trial {2} %")
    @CsvSource(delimiter = '|', textBlock = """
            20 | 21 | -5 | the PHQ-9 score rose from 20 on 2026-06-01 to 21 on 2026-11-10: it worsened by 5 %. | inadequate response, worse by 5 %. | inadequate response 5 % worse | 2026-11-10: worse by 5 %, 50 % required
            20 | 20 | 0  | the PHQ-9 score stayed at 20, from 2026-06-01 to 2026-11-10: no improvement.          | inadequate response, no improvement. | inadequate response 0 %      | 2026-11-10: no improvement, 50 % required
            20 | 8  | 10 | the PHQ-9 score went from 20 on 2026-06-01 to 8 on 2026-11-10, an improvement of 60 %. | inadequate response, 10 % improvement. | inadequate response 10 %   | 2026-11-10: 60 % improvement, 50 % required
            """)
    void aScoreThatRoseIsCalledWorseInWordsNotANegativeImprovement(int baseline, int latest, int trialPct, String response,
                                                                 String trialInLetter, String trialInTable,
                                                                 String checklist) throws Exception {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("request")).put("phase", "REAUTHORIZATION");
        ArrayNode scores = c.putArray("assessments");
        scores.addObject().put("instrument", "PHQ9").put("score", baseline).put("date", "2026-06-01");
        scores.addObject().put("instrument", "PHQ9").put("score", latest).put("date", "2026-11-10");
        ((ObjectNode) c.get("medicationTrials").get(0)).put("improvementPct", trialPct);

        String text = packetText(PacketPdfTest.parse(c));

        assertThat(text).contains(response, trialInLetter, trialInTable, checklist)
                // a signed change anywhere ("-5 %"), or "0 % improvement" (not "10 % improvement")
                .doesNotContainPattern("(?<!\\d)-\\d+(\\.\\d+)? %|(?<![\\d.])0 % improvement|improvement of 0 %");
    }

    private static String packetText(CaseData data) throws Exception {
        return packetText(data, false);
    }

    private static String packetText(CaseData data, boolean exception) throws Exception {
        var pdf = PacketPdfTest.FIX.packet(data, exception, List.of());
        return String.join("\n", PdfChecks.pageTexts(pdf.bytes())).replaceAll("\\s+", " ");
    }
}

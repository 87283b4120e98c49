package dev.authpack.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.CaseData;
import dev.authpack.rendering.PdfChecks;
import dev.authpack.rendering.RenderedPdf;
import dev.authpack.support.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Packets for the published policies of contract v1.1, rendered and read back as text. */
class PublishedPolicyPacketTest {

    static final PacketFixtures FIX = new PacketFixtures(true);

    private static String text(CaseData data, boolean exception) throws Exception {
        RenderedPdf pdf = FIX.packet(data, exception, List.of());
        return String.join("\n", PdfChecks.pageTexts(pdf.bytes())).replaceAll("\\s+", " ");
    }

    @Test
    void exceptionPacketNamesTheNewCriterionAndThePolicySource() throws Exception {
        String text = text(PacketFixtures.sample("06-qualchoice-antidepressant-too-recent"), true);

        assertThat(text).containsIgnoringCase("clinical exception")
                .contains("Oral antidepressant alongside: mirtazapine 30 mg/day started 2026-11-25")
                .contains("Policy source", "documents.qualchoice.com", "BI734")
                .contains("Indication", "The request is for treatment-resistant depression (TRD).")
                .contains("Esketamine is to be given together with the oral antidepressant mirtazapine 30 mg/day since 2026-11-25.")
                .contains("Response to earlier esketamine", "Covered indication");
    }

    @Test
    void mdsiLetterStatesTheIndicationAndSuicidalityAndItsApproval() throws Exception {
        ObjectNode c = Samples.tree("05-cigna-psychosis-attested");
        ((ObjectNode) c.get("request")).put("indication", "MDSI").putObject("concurrentAntidepressant").put("drug", "escitalopram");
        ((ObjectNode) c.get("screening")).put("acuteSuicidality", true);

        String text = text(PacketFixtures.JSON.treeToValue(c, CaseData.class), false);

        assertThat(text).contains("acute suicidal ideation or behaviour (MDSI)", "My evaluation documents acute suicidal ideation",
                "2 months", "coverage.pharmacistwrite.com");
    }

    /**
     * Lithium alongside is NOT_MET "is an augmentation agent (lithium), not an antidepressant"; the exception letter
     * that lists that criterion must not itself call lithium "the oral antidepressant".
     */
    @Test
    void theLetterDoesNotCallAnAugmentationAgentAlongsideTheOralAntidepressant() throws Exception {
        ObjectNode c = Samples.tree("05-cigna-psychosis-attested");
        ((ObjectNode) c.get("request")).put("indication", "MDSI").putObject("concurrentAntidepressant")
                .put("drug", "lithium").put("dailyDoseMg", 900).put("startDate", "2026-01-01");
        ((ObjectNode) c.get("screening")).put("acuteSuicidality", true);

        String text = text(PacketFixtures.JSON.treeToValue(c, CaseData.class), true);

        assertThat(text).contains("Oral antidepressant alongside: lithium 900 mg/day is an augmentation agent (lithium), not an"
                        + " antidepressant", "Esketamine is to be given together with lithium 900 mg/day since 2026-01-01.")
                .doesNotContain("oral antidepressant lithium");
    }

    /**
     * Aetna's reason ends with advice to the clinic (a self-pay estimate, a clinical exception): the
     * clinic reads it on the case page and in the API's report, the payer not in the letter.
     */
    @Test
    void theExceptionLetterQuotesThePayersReasonWithoutTheAdviceMeantForTheClinic() throws Exception {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        c.put("policyId", "aetna-ketamine-0938");
        ((ObjectNode) c.get("request")).put("treatment", "KETAMINE_IV");
        CaseData data = PacketFixtures.JSON.treeToValue(c, CaseData.class);

        String text = text(data, true);
        String report = PacketFixtures.JSON.writeValueAsString(FIX.completeness.check(data));

        assertThat(text).contains("Covered treatment: IV ketamine is not covered by this policy: the payer considers"
                        + " ketamine for depression or suicidal ideation experimental and investigational")
                .doesNotContain("Consider a self-pay", "Good Faith Estimate", "clinical-exception request");
        assertThat(report).contains("\"detail\":\"IV ketamine is not covered by this policy: the payer considers ketamine for"
                        + " depression or suicidal ideation experimental and investigational. Consider a self-pay estimate"
                        + " (Good Faith Estimate) or a clinical-exception request\"")
                .doesNotContain("\"finding\"", "\"advice\"");
    }

    /** Texas Medicaid, QualChoice and CareFirst accept a prescriber who consults a psychiatrist: the reviewer must see whom. */
    @Test
    void aConsultingPsychiatristIsNamedInThePrescriberBlockAndInTheLetter() throws Exception {
        ObjectNode c = Samples.tree("06-qualchoice-antidepressant-too-recent");
        ((ObjectNode) c.get("prescriber")).put("specialty", "PRIMARY_CARE").putObject("consultingPsychiatrist")
                .put("name", "Dana Reyes, MD").put("npi", "1245319599");

        String text = text(PacketFixtures.JSON.treeToValue(c, CaseData.class), false);
        String without = text(PacketFixtures.sample("06-qualchoice-antidepressant-too-recent"), false);

        assertThat(text).contains("Consulting psychiatrist Dana Reyes, MD, NPI 1245319599",
                "I prescribe this treatment in consultation with the psychiatrist Dana Reyes, MD (NPI 1245319599).");
        assertThat(without).doesNotContain("Consulting psychiatrist", "in consultation with");
    }

    /** Cigna allows psychosis only with the prescriber's benefit-risk attestation: the letter states it. */
    @Test
    void thePsychosisBenefitRiskAttestationIsStatedOnTheRequestPageAndInTheLetter() throws Exception {
        ObjectNode c = Samples.tree("05-cigna-psychosis-attested");
        String text = text(PacketFixtures.JSON.treeToValue(c, CaseData.class), false);
        ((ObjectNode) c.get("screening")).put("psychosisRiskAttested", false);
        String without = text(PacketFixtures.JSON.treeToValue(c, CaseData.class), true);

        assertThat(text).contains("Prescriber attestation The benefit of treatment outweighs the risk of the patient's psychotic features.",
                "The patient has psychotic features; I attest that, in my clinical judgement, the benefit of esketamine"
                        + " nasal spray (Spravato) outweighs the risk.");
        assertThat(without).doesNotContain("Prescriber attestation", "I attest that");
    }

    /** The request page's added rows and the letter's added paragraph keep the packet archival and tagged. */
    @Test
    void aPacketWithTheConsultantAndTheAttestationIsPdfA2bAndPdfUa1() throws Exception {
        ObjectNode c = Samples.tree("05-cigna-psychosis-attested");
        ((ObjectNode) c.get("prescriber")).putObject("consultingPsychiatrist").put("name", "Dana Reyes, MD")
                .put("npi", "1245319599");

        RenderedPdf pdf = FIX.packet(PacketFixtures.JSON.treeToValue(c, CaseData.class), false, List.of());

        assertThat(PdfChecks.veraPdfFailures(pdf.bytes(), "2b")).isEmpty();
        assertThat(PdfChecks.veraPdfFailures(pdf.bytes(), "ua1")).isEmpty();
    }
}

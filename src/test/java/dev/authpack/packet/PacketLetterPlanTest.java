package dev.authpack.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.CaseData;
import dev.authpack.rendering.PdfChecks;
import dev.authpack.rendering.RenderedPdf;
import dev.authpack.support.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The letter's plan states the dose, sessions, monitoring and how response will be measured (../domain/FACTS.md,
 * the letter of medical necessity). The dose comes from the billing codes, the only place a case records it.
 * Rendered and read back as text.
 */
class PacketLetterPlanTest {

    static final PacketFixtures FIX = new PacketFixtures(true);

    private static String letter(ObjectNode c) throws Exception {
        RenderedPdf pdf = FIX.packet(PacketFixtures.JSON.treeToValue(c, CaseData.class), false, List.of());
        String text = String.join("\n", PdfChecks.pageTexts(pdf.bytes())).replaceAll("\\s+", " ");
        return text.substring(text.indexOf("Dear Reviewer"), text.indexOf("Sincerely"));
    }

    @Test
    void thePlanStatesTheEsketamineDoseTheBillingCodesGive() throws Exception {
        ObjectNode g2083 = Samples.tree("01-complete-esketamine");
        ObjectNode perMg = Samples.tree("01-complete-esketamine");
        ArrayNode lines = ((ObjectNode) perMg.get("request")).putArray("lines");
        lines.addObject().put("code", "99213").put("unitsPerSession", 1);
        lines.addObject().put("code", "J0013").put("unitsPerSession", 56);
        ObjectNode g2082 = Samples.tree("01-complete-esketamine");
        ((ObjectNode) g2082.get("request")).putArray("lines").addObject().put("code", "G2082").put("unitsPerSession", 1);

        assertThat(letter(g2083)).contains("Plan: 8 sessions of esketamine nasal spray",
                "The dose is more than 56 mg of esketamine per session (billing code G2083).",
                "Response will be measured with the PHQ-9");
        assertThat(letter(perMg)).contains("The dose is 56 mg of esketamine per session (billing code J0013).");
        assertThat(letter(g2082)).contains("The dose is up to 56 mg of esketamine per session (billing code G2082).");
    }

    /** J3490 is an unclassified drug whose units are not milligrams: the letter invents no ketamine dose. */
    /** Each line is billed every session: 84 mg billed as a 56 mg kit and a 28 mg kit (two NDCs) is 84 mg a session. */
    @Test
    void aDoseBilledOnTwoJ0013LinesIsTheirSumPerSession() throws Exception {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ArrayNode lines = ((ObjectNode) c.get("request")).putArray("lines");
        lines.addObject().put("code", "G2083").put("unitsPerSession", 1);
        lines.addObject().put("code", "J0013").put("description", "56 mg kit").put("unitsPerSession", 56);
        lines.addObject().put("code", "J0013").put("description", "28 mg kit").put("unitsPerSession", 28);

        assertThat(letter(c)).contains("The dose is 84 mg of esketamine per session (billing code J0013).");
    }

    @Test
    void aKetamineInfusionPlanStatesNoDoseTheCodesDoNotGive() throws Exception {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        c.put("policyId", "ketamine-iv-strict");
        ObjectNode request = (ObjectNode) c.get("request");
        request.put("treatment", "KETAMINE_IV");
        request.putArray("lines").addObject().put("code", "J3490").put("unitsPerSession", 50);

        assertThat(letter(c)).contains("Plan: 8 infusions of intravenous ketamine").doesNotContain("The dose is");
    }
}

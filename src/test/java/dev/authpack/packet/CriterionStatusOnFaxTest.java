package dev.authpack.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.PdfChecks;
import dev.authpack.rendering.RenderedPdf;
import dev.authpack.support.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Payers receive packets by fax, and fax servers halftone every colour into dots. The checklist printed each
 * criterion's status in green, red or amber (grey levels 0.30, 0.25, 0.37): on the fax "Met" and "Not met"
 * came out hollow and dotted, the faintest words of the page, while the body text prints solid.
 */
class CriterionStatusOnFaxTest {

    /** The body text's black: solid on a 1-bit fax. */
    private static final float BODY_TEXT = 0f;

    @Test
    void everyCriterionStatusOnTheChecklistIsPrintedAsDarkAsTheBodyText() throws Exception {
        // sample 02 misses a second failed trial (Not met); without a PDMP date the PDMP check misses information
        ObjectNode c = Samples.tree("02-one-failed-trial");
        ((ObjectNode) c.get("screening")).remove("pdmpCheckedOn");
        RenderedPdf pdf = PacketPdfTest.FIX.packet(PacketPdfTest.parse(c), true, List.of());

        List<String> statuses = PdfChecks.inkOf(pdf.bytes(), "Criteria checklist", List.of("Met", "Not met", "Missing information"));

        assertThat(statuses).anyMatch(s -> s.startsWith("Met: ")).anyMatch(s -> s.startsWith("Not met: "))
                .anyMatch(s -> s.startsWith("Missing information: "));
        assertThat(statuses).allSatisfy(s ->
                assertThat(Float.parseFloat(s.substring(s.indexOf(": ") + 2))).as(s).isLessThanOrEqualTo(BODY_TEXT));
    }
}

package dev.authpack.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.PdfChecks;
import dev.authpack.rendering.RenderedPdf;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fax server halftones every grey into dots, and at 204 dpi even the packet's near-black body text (#111)
 * and the stamped header (10 % grey) lost dots from the stems of small glyphs: "mg/day" read "rng/day",
 * "(10" read "(1O". Every word of the packet, the header naming the patient included, is filled pure black.
 */
class PacketTextInkTest {

    @Test
    void everyWordOfThePacketIncludingItsStampedHeaderIsPureBlack() throws Exception {
        // sample 02: an exception packet with every section, the timeline's and the chart's captions included
        RenderedPdf pdf = PacketPdfTest.FIX.packet(PacketFixtures.sample("02-one-failed-trial"), true, List.of());

        assertThat(PdfChecks.inkOf(pdf.bytes(), "", List.of("Patient:", "Timeline:", "Chart"))).hasSizeGreaterThan(3);
        assertThat(PdfChecks.wordsLighterThan(pdf.bytes(), 0f)).isEmpty();
    }
}

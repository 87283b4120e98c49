package dev.authpack.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.RenderedPdf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Chart notes that PDFBox can read only with complaints (a damaged compressed stream, as scanners and
 * old fax software write) still merge into the packet, and the log gets one line about it, not
 * PDFBox's warnings and stack traces for every broken object on every packet of the case.
 */
@ExtendWith(OutputCaptureExtension.class)
@Isolated // reads the whole log (Surefire runs test classes two at a time)
class DamagedAttachmentMergeTest {

    private final PacketFixtures fixtures = new PacketFixtures(true);

    @Test
    void notesWithADamagedStreamMergeWithOneLogLine(CapturedOutput output) throws IOException {
        RenderedPdf plain = fixtures.packet(fixtures.sample("01-complete-esketamine"), false, List.of());
        int before = output.getAll().length();

        RenderedPdf merged = fixtures.packet(fixtures.sample("01-complete-esketamine"), false, List.of(
                new PacketAssembler.Enclosure("Fax notes", 1, DamagedAttachmentMergeTest::pageWithDamagedContent)));

        String logged = output.getAll().substring(before);
        assertThat(merged.pages()).isEqualTo(plain.pages() + 1);
        try (PDDocument doc = Loader.loadPDF(merged.bytes())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(merged.pages());
        }
        assertThat(logged).doesNotContain("premature end of stream", "\tat ");
        assertThat(logged.lines().filter(l -> l.contains("PDFBox complained"))).singleElement().asString()
                .endsWith("first: WARN from org.apache.pdfbox.filter.FlateFilterDecoderStream");
    }

    /** One page whose content stream claims Flate but holds a stored block with a bad length check. */
    private static byte[] pageWithDamagedContent() {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            COSStream contents = doc.getDocument().createCOSStream();
            try (OutputStream raw = contents.createRawOutputStream()) {
                raw.write(new byte[] {0x78, (byte) 0x9c, 0x01, 0x05, 0x00, 0x00, 0x00, 'B', 'T', ' ', 'E', 'T'});
            }
            contents.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            page.getCOSObject().setItem(COSName.CONTENTS, contents);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

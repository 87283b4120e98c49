package dev.authpack.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.PdfChecks;
import dev.authpack.rendering.RenderedPdf;
import dev.authpack.support.Samples;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Hebrew or Arabic name in a sentence of the letter, followed by a number: "for my patient Dana כהן: 8
 * sessions". The bidirectional algorithm joined the ": 8" to the name's right-to-left run and the page drew
 * "Dana 8 :ןהכ sessions" (audit s26); each value of a sentence is isolated now, so the glyphs stand, left to
 * right, as the sentence says, and the isolation leaves no character behind in the text a payer extracts.
 */
class RightToLeftValuesInSentencesTest {

    static final PacketFixtures FIX = new PacketFixtures(true);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Hebrew | \u05DB\u05D4\u05DF | \u05DF\u05D4\u05DB",
        "Arabic | \u0641\u0627\u0637\u0645\u0629 | \u0629\u0645\u0637\u0627\u0641"})
    void theNumberAfterARightToLeftNameStaysOnItsRight(String script, String last, String drawn) throws Exception {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("patient")).put("firstName", "Dana").put("lastName", last);
        ((ObjectNode) c.get("request")).put("sessions", 8);

        RenderedPdf pdf = FIX.packet(PacketPdfTest.parse(c), false, List.of());

        assertThat(linesAsDrawn(pdf.bytes())).as("the letter's lines, glyphs sorted left to right")
                .anySatisfy(line -> assertThat(line).contains("for my patient Dana " + drawn + ": 8 sessions"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Hebrew | \u05DB\u05D4\u05DF", "Arabic | \u0641\u0627\u0637\u0645\u0629"})
    void theIsolationLeavesNoCharacterInTheTextOrTheMetadata(String script, String last) throws Exception {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("patient")).put("firstName", "Dana").put("lastName", last);

        RenderedPdf pdf = FIX.packet(PacketPdfTest.parse(c), true, List.of());

        assertThat(String.join("\n", PdfChecks.pageTexts(pdf.bytes()))).as("the text PDFBox extracts")
                .contains(last).doesNotContainPattern("[\\u2066-\\u2069]");
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            PDDocumentInformation info = doc.getDocumentInformation();
            assertThat(info.getTitle() + info.getSubject() + info.getKeywords()).doesNotContainPattern("[\\u2066-\\u2069]");
        }
        assertThat(PdfChecks.veraPdfFailures(pdf.bytes(), "2b")).isEmpty();
        assertThat(PdfChecks.veraPdfFailures(pdf.bytes(), "ua1")).isEmpty();
    }

    /** Every line of every page as its glyphs stand from left to right: what a reader of the page sees. */
    static List<String> linesAsDrawn(byte[] pdf) throws IOException {
        List<String> lines = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                Map<Integer, List<TextPosition>> byBaseline = new TreeMap<>();
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void processTextPosition(TextPosition glyph) {
                        byBaseline.computeIfAbsent(Math.round(glyph.getYDirAdj()), y -> new ArrayList<>()).add(glyph);
                    }
                };
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                stripper.getText(doc);
                for (List<TextPosition> glyphs : byBaseline.values()) {
                    glyphs.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
                    StringBuilder line = new StringBuilder();
                    glyphs.forEach(g -> line.append(g.getUnicode()));
                    lines.add(line.toString());
                }
            }
        }
        return lines;
    }
}

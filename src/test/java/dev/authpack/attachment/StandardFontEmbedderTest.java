package dev.authpack.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.PdfChecks;
import dev.authpack.rendering.TestPdfs;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDFormContentStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.font.encoding.DictionaryEncoding;
import org.apache.pdfbox.pdmodel.font.encoding.Encoding;
import org.apache.pdfbox.pdmodel.font.encoding.StandardEncoding;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Uploads in unembedded standard fonts leave the sanitiser with embedded look-alikes, text in place. */
class StandardFontEmbedderTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
        "Helvetica, LiberationSans-Regular",
        "Helvetica-BoldOblique, LiberationSans-BoldItalic",
        "ArialMT, LiberationSans-Regular",
        "'Arial,Bold', LiberationSans-Bold",
        "Arial-ItalicMT, LiberationSans-Italic",
        "Times-Roman, LiberationSerif-Regular",
        "TimesNewRomanPS-BoldItalicMT, LiberationSerif-BoldItalic",
        "Times New Roman, LiberationSerif-Regular",
        "Courier, LiberationMono-Regular",
        "CourierNewPS-BoldMT, LiberationMono-Bold",
        "Symbol, none",
        "ZapfDingbats, none",
        "Calibri, none",
    })
    void standardNamesFindTheFaceWithTheirWidths(String baseFont, String face) {
        assertThat(SubstituteFaces.faceFor(baseFont)).isEqualTo(face);
    }

    @Test
    void standardEncodingBecomesWinAnsiWithTheCodesThatDiffer() {
        Encoding e = StandardFontEmbedder.encodingFor(StandardEncoding.INSTANCE);

        assertThat(e).isInstanceOf(DictionaryEncoding.class);
        DictionaryEncoding d = (DictionaryEncoding) e;
        // 0x27 is quoteright in Standard, quotesingle in WinAnsi; 0xAE the fi ligature
        assertThat(d.getDifferences()).containsEntry(0x27, "quoteright").containsEntry(0xAE, "fi");
        for (int code = 0; code < 256; code++) {
            if (!".notdef".equals(StandardEncoding.INSTANCE.getName(code))) {
                assertThat(e.getName(code)).as("code %d", code).isEqualTo(StandardEncoding.INSTANCE.getName(code));
            }
        }
        assertThat(StandardFontEmbedder.encodingFor(WinAnsiEncoding.INSTANCE)).isSameAs(WinAnsiEncoding.INSTANCE);
    }

    /**
     * Only fonts without a program are loaded: loading one reads its program whole, and a 1 MB upload whose
     * font program inflated to 1 GB ran the service out of memory while it was checked (upload-bomb audit).
     * Measured as what the checking thread allocates: 24 MB programs (a program past 32 MB is refused as any
     * other part that large), far less allocated.
     */
    @ParameterizedTest
    @CsvSource({"TrueType, FontFile2, ''", "Type1, FontFile, ''", "Type1, FontFile3, /Subtype /Type1C"})
    void anEmbeddedFontProgramIsNeverReadWhileAnUploadIsChecked(String subtype, String fontFile, String extra) {
        byte[] upload = HostilePdfs.fontProgramInflatingTo(24 << 20, subtype, fontFile, extra);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        CleanPdf clean = PdfSanitizer.clean(upload, 10, 16 << 20, 100_000);

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(clean.pages()).isEqualTo(1);
        assertThat(allocated).as("bytes allocated checking a %d-byte upload", upload.length).isLessThan(16 << 20);
    }

    @Test
    void anEncodingNamingGlyphsBeyondLatinIsLeftAlone() {
        COSArray differences = new COSArray();
        differences.add(COSInteger.get(65));
        differences.add(COSName.getPDFName("Alpha"));
        COSDictionary dict = new COSDictionary();
        dict.setItem(COSName.BASE_ENCODING, COSName.WIN_ANSI_ENCODING);
        dict.setItem(COSName.DIFFERENCES, differences);

        assertThat(StandardFontEmbedder.encodingFor(new DictionaryEncoding(dict, false, null))).isNull();
    }

    @Test
    void cleanedUploadEmbedsEveryFontAndKeepsEachGlyphInItsPlace() throws IOException {
        byte[] upload = TestPdfs.notes(2, "FONTS", 4);
        assertThat(fonts(upload)).allSatisfy(f -> assertThat(f.isEmbedded()).isFalse());

        byte[] cleaned = PdfSanitizer.clean(upload, 10, 16 << 20, 100_000).bytes();

        assertThat(fonts(cleaned)).isNotEmpty().allSatisfy(f -> {
            assertThat(f.isEmbedded()).as(f.getName()).isTrue();
            assertThat(f.getName()).startsWith("LiberationSans");
        });
        assertThat(PdfChecks.pageTexts(cleaned)).isEqualTo(PdfChecks.pageTexts(upload));
        List<float[]> before = glyphBoxes(upload);
        List<float[]> after = glyphBoxes(cleaned);
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)[0]).as("x of glyph %d", i).isCloseTo(before.get(i)[0], org.assertj.core.data.Offset.offset(0.01f));
            assertThat(after.get(i)[1]).as("width of glyph %d", i).isCloseTo(before.get(i)[1], org.assertj.core.data.Offset.offset(0.01f));
        }
    }

    @Test
    void fontsInsideFormsAreEmbeddedAndSymbolIsLeftAsItWas() throws IOException {
        byte[] upload;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            PDFormXObject form = new PDFormXObject(doc);
            form.setBBox(PDRectangle.LETTER);
            form.setResources(new PDResources());
            try (PDFormContentStream cs = new PDFormContentStream(form)) {
                for (var font : List.of(new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD),
                        new PDType1Font(Standard14Fonts.FontName.SYMBOL))) {
                    cs.beginText();
                    cs.setFont(font, 12);
                    cs.newLineAtOffset(72, 700);
                    cs.showText(font.getName().equals("Symbol") ? "\u03b1\u03b2" : "Signed in a form");
                    cs.endText();
                }
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawForm(form);
            }
            upload = TestPdfs.bytes(doc);
        }

        List<PDFont> fonts = fonts(PdfSanitizer.clean(upload, 10, 16 << 20, 100_000).bytes());

        assertThat(fonts).extracting(PDFont::getName).containsExactlyInAnyOrder("LiberationSerif-Bold", "Symbol");
        assertThat(fonts).filteredOn(f -> f.getName().startsWith("Liberation")).allMatch(PDFont::isEmbedded);
    }

    /** Every font the pages use, forms included. */
    static List<PDFont> fonts(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDFont> out = new ArrayList<>();
            Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (PDPage page : doc.getPages()) {
                collect(page.getResources(), out, seen);
            }
            return out;
        }
    }

    private static void collect(PDResources resources, List<PDFont> out, Set<COSBase> seen) throws IOException {
        if (resources == null || !seen.add(resources.getCOSObject())) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            if (seen.add(font.getCOSObject())) {
                out.add(font);
            }
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDFormXObject form) {
                collect(form.getResources(), out, seen);
            }
        }
    }

    /** x and width of every glyph, in reading order. */
    private static List<float[]> glyphBoxes(byte[] pdf) throws IOException {
        List<float[]> boxes = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> glyphs) {
                    glyphs.forEach(g -> boxes.add(new float[] {g.getX(), g.getWidth()}));
                }
            }.getText(doc);
        }
        return boxes;
    }
}

package dev.authpack.rendering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The yardstick for packet throughput: bare PDFBox writing a document comparable to a packet — six
 * letter pages of about 55 lines each (a packet's text volume), regular and bold DejaVu Sans embedded
 * as subsets (without layout tables, as the renderer uses them), and a rule under every line like a
 * table's border — with no HTML, layout, template or tagging.
 */
public final class BarePdfBox {

    private static final String[] WORDS = {"esketamine", "sertraline", "venlafaxine", "inadequate", "response",
        "PHQ-9", "2026-11-10", "criterion", "met", "policy", "weeks", "dose", "225 mg", "Example Health Plan",
        "prescriber", "NPI 1234567893", "adherence", "90 %", "treatment-resistant", "depression", "F33.2"};

    private final DocumentFonts fonts = DocumentFonts.load();

    /** One document's bytes; {@code seed} varies the text like patients vary packets. */
    public byte[] document(int seed) {
        try {
            DocumentFonts.Faces faces = fonts.lease();
            try (PDDocument doc = new PDDocument()) {
                PDType0Font regular = faces.regularFor(doc);
                PDType0Font bold = faces.boldFor(doc);
                for (int page = 0; page < 6; page++) {
                    PDPage p = new PDPage(PDRectangle.LETTER);
                    doc.addPage(p);
                    try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
                        float y = 740;
                        for (int line = 0; line < 55; line++) {
                            cs.beginText();
                            cs.setFont(line % 6 == 0 ? bold : regular, 8.5f);
                            cs.newLineAtOffset(45, y);
                            cs.showText(line(seed, page, line));
                            cs.endText();
                            cs.moveTo(45, y - 3);
                            cs.lineTo(567, y - 3);
                            cs.stroke();
                            y -= 12.5f;
                        }
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
                doc.save(out);
                return out.toByteArray();
            } finally {
                fonts.release(faces);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(int seed, int page, int line) {
        StringBuilder b = new StringBuilder();
        int n = seed * 31 + page * 7 + line;
        while (b.length() < 95) {
            b.append(WORDS[Math.floorMod(n, WORDS.length)]).append(' ');
            n = n * 17 + 3;
        }
        return b.toString();
    }
}

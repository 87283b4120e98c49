package dev.authpack.rendering;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Small PDFs made on the spot, like the clinical notes clinics upload (no real data). */
public final class TestPdfs {

    private TestPdfs() {
    }

    /** {@code pages} Letter pages, each saying "{marker}-{n}". */
    public static byte[] notes(int pages, String marker) {
        return notes(pages, marker, 0);
    }

    /** Like {@link #notes(int, String)}, with {@code lines} more lines of typical note text per page. */
    public static byte[] notes(int pages, String marker, int lines) {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 11);
                    cs.newLineAtOffset(56, 740);
                    cs.showText("Progress note page " + i + " " + marker + "-" + i);
                    cs.setLeading(14);
                    for (int l = 0; l < lines; l++) {
                        cs.newLine();
                        cs.showText("Session " + l + ": mood low, sleep poor, PHQ-9 reviewed; plan discussed with the patient.");
                    }
                    cs.endText();
                }
            }
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A one-page scan of about {@code kilobytes} KB that no compression shrinks: a picture of noise, as a
     * scanner makes a large file of one page.
     */
    public static byte[] scan(int kilobytes, long seed) {
        try (PDDocument doc = new PDDocument()) {
            int side = (int) Math.ceil(Math.sqrt(kilobytes * 1000 / 3.0));
            BufferedImage noise = new BufferedImage(side, side,
                    BufferedImage.TYPE_INT_RGB);
            Random random = new Random(seed);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    noise.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            PDImageXObject image = LosslessFactory.createFromImage(doc, noise);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(image, 56, 200, 400, 400);
            }
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}

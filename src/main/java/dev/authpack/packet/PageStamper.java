package dev.authpack.packet;

import java.io.IOException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Writes the running header (patient name, date of birth, member id) and "Page X of Y" on every
 * page once the packet is complete, attachments included. Marked as pagination artifacts so
 * assistive technology skips them.
 */
final class PageStamper {

    private static final float SIZE = 8f;
    private static final float MARGIN = 45f;

    private PageStamper() {
    }

    interface Footer {
        String text(int page, int total);
    }

    static void stamp(PDDocument doc, PDFont font, String header, Footer footer) throws IOException {
        int total = doc.getNumberOfPages();
        int n = 0;
        for (PDPage page : doc.getPages()) {
            n++;
            PDRectangle box = page.getMediaBox();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, AppendMode.APPEND, true, true)) {
                cs.beginMarkedContent(COSName.ARTIFACT);
                cs.setNonStrokingColor(0.1f, 0.1f, 0.1f);
                text(cs, font, header, box.getLowerLeftX() + MARGIN, box.getUpperRightY() - 22f);
                String pageText = footer.text(n, total);
                float width = font.getStringWidth(pageText) / 1000 * SIZE;
                text(cs, font, pageText, box.getLowerLeftX() + (box.getWidth() - width) / 2, box.getLowerLeftY() + 16f);
                cs.endMarkedContent();
            }
        }
    }

    /** Writes {@code value} into a box the template left empty (e.g. the total page count on the cover). */
    static void fill(PDDocument doc, PDFont font, int pageIndex, float x, float y, float height, String value)
            throws IOException {
        PDPage page = doc.getPage(pageIndex);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page, AppendMode.APPEND, true, true)) {
            cs.beginMarkedContent(COSName.ARTIFACT);
            cs.setNonStrokingColor(0f, 0f, 0f);
            cs.beginText();
            cs.setFont(font, 11f);
            cs.newLineAtOffset(x, y + (height - 11f) / 2 + 2f);
            cs.showText(value);
            cs.endText();
            cs.endMarkedContent();
        }
    }

    private static void text(PDPageContentStream cs, PDFont font, String text, float x, float y) throws IOException {
        cs.beginText();
        cs.setFont(font, SIZE);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }
}

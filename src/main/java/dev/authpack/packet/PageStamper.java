package dev.authpack.packet;

import dev.authpack.rendering.StampFont;
import dev.authpack.rendering.VisualOrder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;

/**
 * Writes the running header (patient name, date of birth, member id) and "Page X of Y" on every
 * page once the packet is complete, attachments included. Marked as pagination artifacts so
 * assistive technology skips them. Public for the appeal packet, which marks its pages the same way.
 */
public final class PageStamper {

    private static final float SIZE = 8f;
    /** The smallest header size; below it long names wrap onto more lines instead. */
    private static final float MIN_SIZE = 4f;
    private static final int MAX_LINES = 3;
    private static final float MARGIN = 45f;

    private PageStamper() {
    }

    public interface Footer {
        String text(int page, int total);
    }

    public static void stamp(PDDocument doc, StampFont font, String header, Footer footer) throws IOException {
        int total = doc.getNumberOfPages();
        String printableHeader = font.printable(header);
        int n = 0;
        for (PDPage page : doc.getPages()) {
            n++;
            PDRectangle box = page.getMediaBox();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, AppendMode.APPEND, true, true)) {
                cs.beginMarkedContent(COSName.ARTIFACT);
                // pure black: the header names the patient on every faxed page, and a fax server halftones any grey
                cs.setNonStrokingColor(0f, 0f, 0f);
                header(cs, font, printableHeader, box);
                String pageText = font.printable(footer.text(n, total));
                float width = font.width(pageText, SIZE);
                // an attachment may be a narrow label or receipt: the footer shrinks rather than leave the page
                float room = box.getWidth() - 2 * margin(box);
                float size = width > room ? SIZE * room / width : SIZE;
                width = width * size / SIZE;
                text(cs, font, size, pageText, box.getLowerLeftX() + (box.getWidth() - width) / 2,
                        box.getLowerLeftY() + Math.min(16f, box.getHeight() * 0.05f));
                cs.endMarkedContent();
            }
        }
    }

    /**
     * Writes {@code value} into a box the template left empty (e.g. the total page count on the cover). The
     * glyphs are an artifact added after layout; the placeholder's tag ({@code tag}, null when untagged) gets
     * the value as its ActualText, so that a screen reader and a tagged-text extraction read "7", not a blank.
     */
    static void fill(PDDocument doc, StampFont font, int pageIndex, float x, float y, float height, String value,
                     PDStructureElement tag) throws IOException {
        if (tag != null) {
            tag.setActualText(value);
        }
        PDPage page = doc.getPage(pageIndex);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page, AppendMode.APPEND, true, true)) {
            cs.beginMarkedContent(COSName.ARTIFACT);
            cs.setNonStrokingColor(0f, 0f, 0f);
            cs.beginText();
            cs.newLineAtOffset(x, y + (height - 11f) / 2 + 2f);
            font.show(cs, VisualOrder.of(font.printable(value)), 11f);
            cs.endText();
            cs.endMarkedContent();
        }
    }

    /**
     * The header must stay on the page whole, as payers' text extraction drops what lies outside it:
     * a long name wraps at spaces, and a word wider than the page (a 200-character name) shrinks the
     * size so that it fits on one line.
     */
    private static void header(PDPageContentStream cs, StampFont font, String header, PDRectangle box)
            throws IOException {
        float margin = margin(box);
        float available = box.getWidth() - 2 * margin;
        float size = SIZE;
        List<String> lines = wrap(font, header, size, available);
        while (size > MIN_SIZE && (lines.size() > MAX_LINES || widest(font, lines, size) > available)) {
            size = Math.max(MIN_SIZE, size - 0.5f);
            lines = wrap(font, header, size, available);
        }
        if (lines.size() > MAX_LINES || (lines.size() - 1) * size * 1.2f > box.getHeight() * 0.4f) {
            // a page too small for the wrapped lines (a 30-point label) gets the header on one scaled line
            lines = List.of(header.strip());
        }
        float y = box.getUpperRightY() - Math.min(22f, box.getHeight() * 0.1f);
        for (String line : lines) {
            float width = font.width(line, size);
            // a single word still too wide at the smallest size is scaled to the line rather than cut off
            float lineSize = width > available ? size * available / width : size;
            text(cs, font, lineSize, line, box.getLowerLeftX() + margin, y);
            y -= size * 1.2f;
        }
    }

    /** The usual margin, or a twentieth of the width on a page too narrow for it. */
    private static float margin(PDRectangle box) {
        return box.getWidth() > 4 * MARGIN ? MARGIN : box.getWidth() / 20;
    }

    static List<String> wrap(StampFont font, String text, float size, float available) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.width(candidate, size) > available) {
                lines.add(line.toString().strip());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.toString().isBlank() || lines.isEmpty()) {
            lines.add(line.toString().strip());
        }
        return lines;
    }

    private static float widest(StampFont font, List<String> lines, float size) throws IOException {
        float widest = 0;
        for (String line : lines) {
            widest = Math.max(widest, font.width(line, size));
        }
        return widest;
    }

    /** Draws one line; a right-to-left name in it is drawn in its visual order, as the documents' body is. */
    private static void text(PDPageContentStream cs, StampFont font, float size, String text, float x, float y)
            throws IOException {
        cs.beginText();
        cs.newLineAtOffset(x, y);
        font.show(cs, VisualOrder.of(text), size);
        cs.endText();
    }
}

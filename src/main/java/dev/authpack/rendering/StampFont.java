package dev.authpack.rendering;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A document's own embedded font for text written after layout (the running header, the page count),
 * with the same fallback the layout uses: a Chinese, Japanese or Korean name is drawn in the fallback
 * font, run by run, instead of as "?". What neither font has (emoji) becomes "?" rather than failing
 * the document.
 */
public final class StampFont {

    private static final int SOFT_HYPHEN = 0x00AD;

    private final PDFont main;
    private final FallbackFont fallback;

    StampFont(PDFont main, FallbackFont fallback) {
        this.main = main;
        this.fallback = fallback;
    }

    /**
     * The text with control characters as spaces and what no font can draw as "?". A soft hyphen is
     * dropped: it shows only where a word breaks, and stamped text never breaks inside a word, yet the
     * font's glyph for it is a visible hyphen ("Ana-Maria" for a name typed with a hidden hyphen).
     */
    public String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == SOFT_HYPHEN) {
                return;
            }
            if (Character.isISOControl(cp)) {
                out.append(' ');
            } else if (fontFor(cp) == null) {
                out.append('?');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** The width in points of printable text at {@code size}. */
    public float width(String text, float size) throws IOException {
        float width = 0;
        for (Run run : runs(text)) {
            width += run.font().getStringWidth(run.text()) / 1000 * size;
        }
        return width;
    }

    /** Shows printable text, already in visual order, inside an open text object. */
    public void show(PDPageContentStream cs, String text, float size) throws IOException {
        for (Run run : runs(text)) {
            cs.setFont(run.font(), size);
            cs.showText(run.text());
        }
    }

    private record Run(PDFont font, String text) {
    }

    private List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        PDFont currentFont = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            PDFont font = fontFor(cp);
            if (font == null) {
                throw new IllegalArgumentException("not printable: U+" + Integer.toHexString(cp));
            }
            if (font != currentFont && current.length() > 0) {
                runs.add(new Run(currentFont, current.toString()));
                current.setLength(0);
            }
            currentFont = font;
            current.appendCodePoint(cp);
        }
        if (current.length() > 0) {
            runs.add(new Run(currentFont, current.toString()));
        }
        return runs;
    }

    /** The main font when it has the character (spaces and digits always), else the fallback, else null. */
    private PDFont fontFor(int cp) {
        if (draws(main, cp)) {
            return main;
        }
        PDFont other = fallback.get();
        return draws(other, cp) ? other : null;
    }

    private static boolean draws(PDFont font, int cp) {
        try {
            font.encode(Character.toString(cp));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}

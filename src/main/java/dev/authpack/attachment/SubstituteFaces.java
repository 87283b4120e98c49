package dev.authpack.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.encoding.Encoding;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.font.encoding.MacRomanEncoding;
import org.apache.pdfbox.pdmodel.font.encoding.StandardEncoding;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;

/**
 * The Liberation faces that stand in for the standard fonts an upload names without embedding them.
 * Liberation Sans, Serif and Mono have the advance widths of Helvetica (Arial), Times (Times New
 * Roman) and Courier (Courier New), so text set for those keeps every glyph in its place.
 * Each face is cut once per process to the glyphs that the simple-font encodings can reach
 * (WinAnsi, MacRoman, Standard): a fifth to a third of the font file, the same for every upload.
 */
final class SubstituteFaces {

    enum Family { SANS, SERIF, MONO }

    /** Every character a simple font's code can name through the encodings uploads use. */
    static final Set<Integer> LATIN = latin();

    private static final Map<String, byte[]> CUT = new ConcurrentHashMap<>();

    private SubstituteFaces() {
    }

    /**
     * The face for a font name as PDFs write it: "Helvetica-BoldOblique", "Arial,Bold",
     * "TimesNewRomanPS-ItalicMT", "CourierNew"; null for anything else (Symbol, Calibri, ...).
     */
    static String faceFor(String baseFont) {
        if (baseFont == null) {
            return null;
        }
        String name = baseFont.replace(" ", "").toLowerCase(Locale.ROOT);
        Family family = name.startsWith("helvetica") || name.startsWith("arial") ? Family.SANS
                : name.startsWith("times") ? Family.SERIF
                : name.startsWith("courier") ? Family.MONO : null;
        if (family == null) {
            return null;
        }
        boolean bold = name.contains("bold");
        boolean italic = name.contains("italic") || name.contains("oblique");
        String style = bold && italic ? "BoldItalic" : bold ? "Bold" : italic ? "Italic" : "Regular";
        String familyName = switch (family) {
            case SANS -> "Sans";
            case SERIF -> "Serif";
            case MONO -> "Mono";
        };
        return "Liberation" + familyName + "-" + style;
    }

    /** The face's font program, cut to {@link #LATIN}. */
    static byte[] program(String face) {
        return CUT.computeIfAbsent(face, SubstituteFaces::cut);
    }

    private static byte[] cut(String face) {
        String resource = "fonts/liberation/" + face + ".ttf";
        try (InputStream in = SubstituteFaces.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the build: " + resource);
            }
            try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()))) {
                TTFSubsetter subsetter = new TTFSubsetter(ttf);
                subsetter.addAll(LATIN);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                subsetter.writeToStream(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<Integer> latin() {
        Set<Integer> chars = new TreeSet<>();
        GlyphList names = GlyphList.getAdobeGlyphList();
        for (Encoding e : new Encoding[] {WinAnsiEncoding.INSTANCE, MacRomanEncoding.INSTANCE, StandardEncoding.INSTANCE}) {
            for (String glyph : e.getCodeToNameMap().values()) {
                String unicode = names.toUnicode(glyph);
                if (unicode != null && unicode.codePointCount(0, unicode.length()) == 1) {
                    chars.add(unicode.codePointAt(0));
                }
            }
        }
        return Set.copyOf(chars);
    }
}

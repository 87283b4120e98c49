package dev.authpack.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDSimpleFont;
import org.apache.pdfbox.pdmodel.font.PDTrueTypeFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.encoding.DictionaryEncoding;
import org.apache.pdfbox.pdmodel.font.encoding.Encoding;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.font.encoding.MacRomanEncoding;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.pattern.PDTilingPattern;

/**
 * A packet must be PDF/A-2b with every font embedded, but most scanners' and EHRs' text PDFs name a
 * standard font (Helvetica, Times, Courier, or Arial, Times New Roman, Courier New) and leave its
 * program to the reader. Each such font of an upload is replaced by the {@link SubstituteFaces
 * Liberation face} with the same widths, embedded under the same encoding, so the text stays where
 * it was and reads the same. What has no such face (Symbol, ZapfDingbats, Calibri, composite fonts)
 * or names glyphs beyond the Latin set is left as it was.
 */
final class StandardFontEmbedder {

    private static final Set<COSName> SIMPLE = Set.of(COSName.TYPE1, COSName.MM_TYPE1, COSName.TRUE_TYPE);
    private static final List<COSName> PROGRAMS = List.of(COSName.FONT_FILE, COSName.FONT_FILE2, COSName.FONT_FILE3);

    private final PDDocument doc;
    private final Map<COSBase, PDFont> substitutes = new IdentityHashMap<>();
    private final Set<COSBase> visited = Collections.newSetFromMap(new IdentityHashMap<>());

    private StandardFontEmbedder(PDDocument doc) {
        this.doc = doc;
    }

    /** Embeds substitutes in every page's resources, forms and patterns included; how many fonts were replaced. */
    static int embedMissing(PDDocument doc) throws IOException {
        StandardFontEmbedder embedder = new StandardFontEmbedder(doc);
        for (PDPage page : doc.getPages()) {
            embedder.visitAll(page.getResources());
        }
        return (int) embedder.substitutes.values().stream().filter(f -> f != null).count();
    }

    /**
     * The resources and those of every form and tiling pattern drawn from them, however deep: a work list,
     * not recursion. An upload of 20,000 forms each drawing the next (3 MB) overflowed the stack of the
     * request thread, a 500 and a thousand-line stack trace.
     */
    private void visitAll(PDResources top) throws IOException {
        // a list that takes nulls: a page, form or pattern without resources has none to visit
        List<PDResources> todo = new ArrayList<>();
        todo.add(top);
        while (!todo.isEmpty()) {
            PDResources resources = todo.remove(todo.size() - 1);
            if (resources != null && visited.add(resources.getCOSObject())) {
                replaceFonts(resources);
                for (COSName name : resources.getXObjectNames()) {
                    if (resources.getXObject(name) instanceof PDFormXObject form) {
                        todo.add(form.getResources());
                    }
                }
                for (COSName name : resources.getPatternNames()) {
                    if (resources.getPattern(name) instanceof PDTilingPattern tiling) {
                        todo.add(tiling.getResources());
                    }
                }
            }
        }
    }

    private void replaceFonts(PDResources resources) throws IOException {
        for (COSName name : resources.getFontNames()) {
            if (!mayNeedSubstitute(resources, name)) {
                continue;
            }
            PDFont font = fontOrNull(resources, name);
            if ((font instanceof PDType1Font || font instanceof PDTrueTypeFont) && !font.isEmbedded()) {
                PDFont substitute = substitutes.containsKey(font.getCOSObject()) ? substitutes.get(font.getCOSObject())
                        : substitute((PDSimpleFont) font);
                substitutes.put(font.getCOSObject(), substitute);
                if (substitute != null) {
                    resources.put(name, substitute);
                }
            }
        }
    }

    /**
     * Whether the font is a simple Type 1 or TrueType font without a program, read from its dictionary. Only
     * such a font is loaded: loading one reads its embedded program whole, and an upload's 1 MB font file
     * inflating to 1 GB ran the service out of memory while it was checked. Embedded and composite fonts
     * are left as they are without being read.
     */
    private static boolean mayNeedSubstitute(PDResources resources, COSName name) {
        COSDictionary fonts = resources.getCOSObject().getCOSDictionary(COSName.FONT);
        COSDictionary font = fonts == null ? null : fonts.getCOSDictionary(name);
        if (font == null || !SIMPLE.contains(font.getCOSName(COSName.SUBTYPE))) {
            return false;
        }
        COSDictionary descriptor = font.getCOSDictionary(COSName.FONT_DESC);
        return descriptor == null || PROGRAMS.stream().noneMatch(descriptor::containsKey);
    }

    /** A broken font dictionary is left for the reader to cope with, as it was before. */
    private static PDFont fontOrNull(PDResources resources, COSName name) {
        try {
            return resources.getFont(name);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private PDFont substitute(PDSimpleFont font) throws IOException {
        String face = SubstituteFaces.faceFor(font.getName());
        Encoding encoding = face == null ? null : encodingFor(font.getEncoding());
        if (encoding == null) {
            return null;
        }
        return PDTrueTypeFont.load(doc, new ByteArrayInputStream(SubstituteFaces.program(face)), encoding);
    }

    /**
     * The original's code-to-glyph mapping in a form PDF/A accepts for a TrueType font: WinAnsi or
     * MacRoman, or WinAnsi with differences whose glyph names the Adobe Glyph List knows; null when a
     * code names a glyph outside {@link SubstituteFaces#LATIN}.
     */
    static Encoding encodingFor(Encoding original) {
        if (original instanceof WinAnsiEncoding) {
            return WinAnsiEncoding.INSTANCE;
        }
        if (original instanceof MacRomanEncoding) {
            return MacRomanEncoding.INSTANCE;
        }
        if (original == null) {
            return null;
        }
        COSArray differences = new COSArray();
        int previous = -2;
        for (int code = 0; code < 256; code++) {
            String glyph = original.getName(code);
            if (".notdef".equals(glyph) || glyph.equals(WinAnsiEncoding.INSTANCE.getName(code))) {
                continue;
            }
            String unicode = GlyphList.getAdobeGlyphList().toUnicode(glyph);
            if (unicode == null || unicode.codePointCount(0, unicode.length()) != 1
                    || !SubstituteFaces.LATIN.contains(unicode.codePointAt(0))) {
                return null;
            }
            if (code != previous + 1) {
                differences.add(COSInteger.get(code));
            }
            differences.add(COSName.getPDFName(glyph));
            previous = code;
        }
        return differences.size() == 0 ? WinAnsiEncoding.INSTANCE
                : new DictionaryEncoding(COSName.WIN_ANSI_ENCODING, differences);
    }
}

package dev.authpack.rendering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;

/**
 * The fonts every document embeds: DejaVu Sans regular and bold, and Droid Sans Fallback for the
 * Chinese, Japanese and Korean characters DejaVu lacks; shipped in the jar (never read from the
 * system's font folders), read once and kept without their OpenType layout tables.
 *
 * <p>Parsing a font costs about a tenth of a packet, so parsed faces are reused. A parsed
 * {@link TrueTypeFont} is not thread-safe, so each document leases its own set for its whole life
 * (embedding subsets the font when the document is saved) and gives it back when closed. The
 * fallback (3.4 MB) is parsed and embedded only when a document has a character DejaVu cannot draw.
 */
final class DocumentFonts {

    /** The CSS family names templates use, the fallback second: {@code font-family: 'DejaVu Sans', 'Droid Sans Fallback'}. */
    static final String FAMILY = "DejaVu Sans";
    static final String FALLBACK_FAMILY = "Droid Sans Fallback";

    private static final int MAX_IDLE = 8;

    private final byte[] regular;
    private final byte[] bold;
    private final byte[] fallback;
    /** What the main faces draw, read from their character maps once (lookups only: safe to share). */
    private final CmapLookup regularCoverage;
    private final CmapLookup boldCoverage;
    private final BlockingQueue<Faces> idle = new ArrayBlockingQueue<>(MAX_IDLE);

    private DocumentFonts(byte[] regular, byte[] bold, byte[] fallback) {
        this.regular = regular;
        this.bold = bold;
        this.fallback = fallback;
        try {
            this.regularCoverage = parse(regular).getUnicodeCmapLookup();
            this.boldCoverage = parse(bold).getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fonts' character maps", e);
        }
    }

    static DocumentFonts load() {
        return new DocumentFonts(read("fonts/DejaVuSans.ttf"), read("fonts/DejaVuSans-Bold.ttf"),
                read("fonts/DroidSansFallback.ttf"));
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return FontTables.without(in.readAllBytes(), FontTables.LAYOUT_TABLES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + path, e);
        }
    }

    /** A parsed regular and bold face, and the fallback once a document needed it; one document at a time. */
    final class Faces {
        private final TrueTypeFont regular;
        private final TrueTypeFont bold;
        private TrueTypeFont fallback;

        private Faces(TrueTypeFont regular, TrueTypeFont bold) {
            this.regular = regular;
            this.bold = bold;
        }

        PDType0Font regularFor(PDDocument doc) throws IOException {
            return PDType0Font.load(doc, regular, true);
        }

        PDType0Font boldFor(PDDocument doc) throws IOException {
            return PDType0Font.load(doc, bold, true);
        }

        PDType0Font fallbackFor(PDDocument doc) throws IOException {
            if (fallback == null) {
                fallback = parse(DocumentFonts.this.fallback);
            }
            return PDType0Font.load(doc, fallback, true);
        }

        private void close() {
            try {
                regular.close();
                bold.close();
                if (fallback != null) {
                    fallback.close();
                }
            } catch (IOException ignored) {
                // in-memory buffers: nothing to release
            }
        }
    }

    /**
     * Whether both main faces draw every character of the text. Only a document that fails this gets
     * the fallback in its layout: openhtmltopdf loads every font of a family list to size each line,
     * which would cost every packet the fallback and change its line heights.
     */
    boolean drawAll(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            // the isolates around a sentence's values are never drawn (Isolates): no reason to load the fallback
            if (cp >= 0x80 && !Character.isISOControl(cp) && !Isolates.isMark(cp)
                    && (regularCoverage.getGlyphId(cp) == 0 || boldCoverage.getGlyphId(cp) == 0)) {
                return false;
            }
        }
        return true;
    }

    Faces lease() throws IOException {
        Faces faces = idle.poll();
        return faces != null ? faces : new Faces(parse(regular), parse(bold));
    }

    /** Gives the faces back once the document that used them is saved or abandoned. */
    void release(Faces faces) {
        if (!idle.offer(faces)) {
            faces.close();
        }
    }

    private static TrueTypeFont parse(byte[] ttf) throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(ttf));
    }
}

package dev.authpack.rendering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;

/**
 * The fonts every document embeds: DejaVu Sans regular and bold, shipped in the jar (never read from
 * the system's font folders), read once and kept without their OpenType layout tables.
 *
 * <p>Parsing a font costs about a tenth of a packet, so parsed faces are reused. A parsed
 * {@link TrueTypeFont} is not thread-safe, so each document leases its own pair for its whole life
 * (embedding subsets the font when the document is saved) and gives it back when closed.
 */
final class DocumentFonts {

    /** The CSS family name templates use. */
    static final String FAMILY = "DejaVu Sans";

    private static final int MAX_IDLE = 8;

    private final byte[] regular;
    private final byte[] bold;
    private final BlockingQueue<Faces> idle = new ArrayBlockingQueue<>(MAX_IDLE);

    private DocumentFonts(byte[] regular, byte[] bold) {
        this.regular = regular;
        this.bold = bold;
    }

    static DocumentFonts load() {
        return new DocumentFonts(read("fonts/DejaVuSans.ttf"), read("fonts/DejaVuSans-Bold.ttf"));
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return FontTables.without(in.readAllBytes(), FontTables.LAYOUT_TABLES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + path, e);
        }
    }

    /** A parsed regular and bold face, used by one document at a time. */
    record Faces(TrueTypeFont regular, TrueTypeFont bold) {

        PDType0Font regularFor(PDDocument doc) throws IOException {
            return PDType0Font.load(doc, regular, true);
        }

        PDType0Font boldFor(PDDocument doc) throws IOException {
            return PDType0Font.load(doc, bold, true);
        }
    }

    Faces lease() throws IOException {
        Faces faces = idle.poll();
        return faces != null ? faces : new Faces(parse(regular), parse(bold));
    }

    /** Gives the faces back once the document that used them is saved or abandoned. */
    void release(Faces faces) {
        if (!idle.offer(faces)) {
            close(faces);
        }
    }

    private static TrueTypeFont parse(byte[] ttf) throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(ttf));
    }

    private static void close(Faces faces) {
        try {
            faces.regular().close();
            faces.bold().close();
        } catch (IOException ignored) {
            // in-memory buffers: nothing to release
        }
    }
}

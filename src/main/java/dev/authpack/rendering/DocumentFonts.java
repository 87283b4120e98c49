package dev.authpack.rendering;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;

/**
 * The fonts every document embeds: DejaVu Sans regular and bold, shipped in the jar (never read from
 * the system's font folders), read once and kept without their OpenType layout tables.
 */
final class DocumentFonts {

    /** The CSS family name templates use. */
    static final String FAMILY = "DejaVu Sans";

    private final byte[] regular;
    private final byte[] bold;

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

    InputStream regular() {
        return new ByteArrayInputStream(regular);
    }

    InputStream bold() {
        return new ByteArrayInputStream(bold);
    }

    /** The regular face as a subset-embedded font of {@code doc}. */
    PDType0Font regularFor(PDDocument doc) throws IOException {
        return PDType0Font.load(doc, regular(), true);
    }

    PDType0Font boldFor(PDDocument doc) throws IOException {
        return PDType0Font.load(doc, bold(), true);
    }
}

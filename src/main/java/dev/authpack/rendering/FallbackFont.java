package dev.authpack.rendering;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * One document's fallback font, embedded the first time the layout or the stamper meets a character
 * the main font cannot draw. Loading it for every document would cost each packet the subsetting of
 * a 3.4 MB font that almost no packet uses; the layout and the stamper share the one instance, so
 * the document embeds a single subset of it.
 */
final class FallbackFont {

    interface Loader {
        PDFont load() throws IOException;
    }

    private final Loader loader;
    private PDFont font;

    FallbackFont(Loader loader) {
        this.loader = loader;
    }

    PDFont get() {
        if (font == null) {
            try {
                font = loader.load();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the fallback font", e);
            }
        }
        return font;
    }

    boolean loaded() {
        return font != null;
    }
}

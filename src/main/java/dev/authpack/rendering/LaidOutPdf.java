package dev.authpack.rendering;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;

/**
 * A rendered template still open for post-processing, and where its {@code stamp-*} elements landed:
 * a template leaves an empty box with such an id where a value known only after assembly goes (the
 * packet's total page count), and the caller writes the value there with PDFBox, in {@code regular} or
 * {@code bold} — the document's own embedded fonts, with the fallback the layout used.
 */
public record LaidOutPdf(PDDocument document, List<Spot> spots, StampFont regular, StampFont bold, Runnable onClose)
        implements Closeable {

    /**
     * An element's box: page index (0-based) and PDF user-space rectangle (points, origin bottom left), and
     * the structure element (tag) that holds the placeholder, or null when the document is not tagged or
     * the renderer folded the element into its parent's: a value written there later is an artifact on
     * the page, so the tag must carry it for a screen reader or a tagged-text extraction to find it.
     */
    public record Spot(String id, int page, float x, float y, float width, float height, PDStructureElement tag) {
    }

    public Optional<Spot> spot(String id) {
        return spots.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    @Override
    public void close() throws IOException {
        try {
            document.close();
        } finally {
            onClose.run();
        }
    }
}

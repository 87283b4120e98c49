package dev.authpack.packet;

import dev.authpack.rendering.ScratchSpace;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.multipdf.LayerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Appends an attachment page for page. Each page is imported as a form and drawn slightly reduced on
 * a fresh page of the same size, which leaves clear bands for the packet's header and footer and
 * leaves behind everything but the page's appearance (annotations, actions, page-level scripts).
 */
final class AttachmentPages {

    /** Height of the header and footer bands kept free on attachment pages, in points. */
    static final float BAND = 34f;

    private AttachmentPages() {
    }

    /**
     * Appends every page of {@code pdf} to {@code target}, tagged as a section named {@code title} when the
     * target is tagged ({@link AttachmentTags}), each page's content first counted against the packet's
     * {@code budget}; returns the first appended page.
     */
    static PDPage append(PDDocument target, byte[] pdf, String title, ContentBudget budget) throws IOException {
        LayerUtility layers = new LayerUtility(target);
        PDPage first = null;
        // a temp-file cache: a large attachment is never held whole in memory twice
        try (PDDocument source = Loader.loadPDF(pdf, "", null, null, ScratchSpace.streamCache())) {
            AttachmentTags tags = AttachmentTags.section(target, title);
            int n = 0;
            for (PDPage page : source.getPages()) {
                n++;
                // importing decodes the page's content whole, and untagging reads it again: counted first
                budget.spend(page);
                PDFormXObject form = layers.importPageAsForm(source, page);
                if (tags != null) {
                    AttachmentTags.unmark(form);
                }
                String type = tags == null ? null : AttachmentTags.typeOf(form);
                PDPage placed = place(target, form, page.getRotation(), type);
                if (tags != null) {
                    tags.own(placed, type, type.equals("Figure")
                            ? title + ", page " + n + " of " + source.getNumberOfPages() + ": a scanned page without text"
                            : null);
                }
                if (first == null) {
                    first = placed;
                }
            }
        }
        return first;
    }

    /**
     * A new page the size of the upload's page as a viewer shows it (rotation applied), with the page
     * drawn on it uniformly scaled. LayerUtility's own matrix squeezes a rotated page into the unrotated
     * box, so it is replaced.
     */
    private static PDPage place(PDDocument target, PDFormXObject form, int rotation, String tag) throws IOException {
        form.setMatrix(new AffineTransform());
        AffineTransform turn = AffineTransform.getRotateInstance(Math.toRadians(-rotation));
        Rectangle2D shown = turn.createTransformedShape(form.getBBox().transform(new Matrix())).getBounds2D();
        float width = (float) shown.getWidth();
        float height = (float) shown.getHeight();
        PDPage page = new PDPage(new PDRectangle(width, height));
        target.addPage(page);
        float scale = Math.max(0.1f, (height - 2 * BAND) / height);
        AffineTransform place = AffineTransform.getTranslateInstance((width - width * scale) / 2, BAND);
        place.scale(scale, scale);
        place.translate(-shown.getX(), -shown.getY());
        place.concatenate(turn);
        try (PDPageContentStream cs = new PDPageContentStream(target, page)) {
            if (tag != null) {
                cs.beginMarkedContent(COSName.getPDFName(tag), PDPropertyList.create(AttachmentTags.properties()));
            }
            cs.saveGraphicsState();
            cs.transform(new Matrix(place));
            cs.drawForm(form);
            cs.restoreGraphicsState();
            if (tag != null) {
                cs.endMarkedContent();
            }
        }
        return page;
    }
}

package dev.authpack.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

/**
 * Renders one page of a stored PDF as a PNG, so a clerk can look at the first pages of a packet
 * before downloading it. Low resolution on purpose: a preview, not a copy.
 */
@Component
class PagePreview {

    /** How many leading pages the case page previews. */
    static final int PAGES = 2;
    private static final float DPI = 60;

    byte[] png(byte[] pdf, int pageIndex) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (pageIndex < 0 || pageIndex >= Math.min(PAGES, doc.getNumberOfPages())) {
                return null;
            }
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(pageIndex, DPI, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // in memory: ImageIO.write to a stream otherwise caches the image in a file in java.io.tmpdir
            // (imageio*.tmp, a page of a packet), which a killed instance leaves behind
            try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                ImageIO.write(image, "png", stream);
            }
            return out.toByteArray();
        }
    }
}

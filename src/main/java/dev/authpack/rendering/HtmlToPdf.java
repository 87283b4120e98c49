package dev.authpack.rendering;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PagePosition;
import com.openhtmltopdf.pdfboxout.PdfBoxAccessibilityHelper;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * XHTML to PDF with openhtmltopdf: PDF/A-2b with the sRGB output intent, the two embedded DejaVu
 * faces as the only fonts, tagged for accessibility (PDF/UA), and no resource loading at all —
 * templates are self-contained, so nothing can reach the network or the file system.
 */
final class HtmlToPdf {

    // openhtmltopdf logs every font load and stylesheet parse at INFO through java.util.logging;
    // the strong reference keeps the level from being lost when the logger is collected.
    private static final Logger LIBRARY_LOG = Logger.getLogger("com.openhtmltopdf");

    static {
        LIBRARY_LOG.setLevel(Level.WARNING);
        // its own logger facade re-applies INFO on first use and then writes five lines per document
        for (String name : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(name, Level.WARNING);
        }
        // Every PDF/A document serialises its XMP through TransformerFactory.newInstance(), which
        // otherwise scans every jar's META-INF/services (verifying signed jars) on each call: a
        // fifth of the packet's time in the benchmark. Naming the JDK's implementation skips the scan.
        defaultTo("javax.xml.transform.TransformerFactory",
                "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
        defaultTo("javax.xml.parsers.DocumentBuilderFactory",
                "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl");
        defaultTo("javax.xml.parsers.SAXParserFactory", "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl");
    }

    private static void defaultTo(String factory, String implementation) {
        if (System.getProperty(factory) == null) {
            System.setProperty(factory, implementation);
        }
    }

    /** The structure element openhtmltopdf made for the element with this id, or null (untagged, or folded into its parent). */
    private PDStructureElement tag(PdfBoxRenderer renderer, String id) {
        if (!accessible) {
            return null;
        }
        Box box = renderer.getSharedContext().getBoxById(id);
        return box == null ? null : PdfBoxAccessibilityHelper.getStructualElementForBox(box);
    }

    private static final Pattern STAMP_IDS = Pattern.compile("stamp-.*");
    private static final JdkBidi BIDI = new JdkBidi();

    private final DocumentFonts fonts;
    private final boolean accessible;

    HtmlToPdf(DocumentFonts fonts, boolean accessible) {
        this.fonts = fonts;
        this.accessible = accessible;
    }

    /**
     * The laid-out document, still open for stamping and merging (the caller closes it), with where
     * the elements whose id starts with {@code stamp-} landed, for values only known after layout.
     */
    LaidOutPdf convert(String xhtml) throws IOException {
        // pages imported later (attachments) stay in temp files, not on the heap
        PDDocument doc = new PDDocument(ScratchSpace.streamCache());
        DocumentFonts.Faces faces = fonts.lease();
        try {
            // the document's own font objects, so text stamped after layout shares the embedded subsets
            PDFont regular = faces.regularFor(doc);
            PDFont bold = faces.boldFor(doc);
            FallbackFont fallback = new FallbackFont(() -> faces.fallbackFor(doc));
            PDFontSupplier fallbackSupplier = new PDFontSupplier(null) {
                @Override
                public PDFont supply() {
                    return fallback.get();
                }
            };
            PdfRendererBuilder builder = new PdfRendererBuilder()
                    .usePDDocument(doc)
                    .withHtmlContent(Isolates.onlyInText(XmlChars.clean(xhtml)), "about:blank")
                    .usePdfAConformance(PdfAConformance.PDFA_2_B)
                    .usePdfUaAccessibility(accessible)
                    .useColorProfile(ColorProfile.srgb())
                    .useFont(new PDFontSupplier(regular), DocumentFonts.FAMILY, 400, FontStyle.NORMAL, true)
                    .useFont(new PDFontSupplier(bold), DocumentFonts.FAMILY, 700, FontStyle.NORMAL, true)
                    // Hebrew and Arabic names and text drawn in reading order, not backwards
                    .useUnicodeBidiSplitter(BIDI)
                    .useUnicodeBidiReorderer(BIDI)
                    .defaultTextDirection(TextDirection.LTR)
                    // dates and other numbers stay whole where a narrow column wraps them
                    .useUnicodeLineBreaker(new WholeValueLineBreaker())
                    .useExternalResourceAccessControl((uri, type) -> false,
                            ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                    .useExternalResourceAccessControl((uri, type) -> false,
                            ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                    .withProducer("Authpack");
            if (!fonts.drawAll(xhtml)) {
                // CJK has no bold face here: bold text in those scripts is drawn regular
                builder.useFont(fallbackSupplier, DocumentFonts.FALLBACK_FAMILY, 400, FontStyle.NORMAL, true)
                        .useFont(fallbackSupplier, DocumentFonts.FALLBACK_FAMILY, 700, FontStyle.NORMAL, true);
            }
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
                if (accessible) {
                    RepeatedTableHeaders.markAsArtifacts(doc);
                }
                List<LaidOutPdf.Spot> spots = new ArrayList<>();
                for (PagePosition<?> p : renderer.findPagePositionsByID(STAMP_IDS)) {
                    spots.add(new LaidOutPdf.Spot(p.getId(), p.getPageNo(), p.getX(), p.getY(), p.getWidth(),
                            p.getHeight(), tag(renderer, p.getId())));
                }
                return new LaidOutPdf(doc, spots, new StampFont(regular, fallback), new StampFont(bold, fallback),
                        () -> fonts.release(faces));
            }
        } catch (IOException | RuntimeException e) {
            doc.close();
            fonts.release(faces);
            throw e;
        }
    }
}

package dev.authpack.packet;

import dev.authpack.rendering.LaidOutPdf;
import dev.authpack.rendering.PdfRenderer;
import dev.authpack.rendering.QuietPdfParsing;
import dev.authpack.rendering.RenderedPdf;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Packet assembly after layout: the attachments merged page for page (one bookmark each), the true
 * total page count on the cover, then header and "Page X of Y" on every page.
 */
@Component
class PacketAssembler {

    private static final Logger log = LoggerFactory.getLogger(PacketAssembler.class);

    static final String TEMPLATE = "packet";
    /** Payer-facing documents are written in English. */
    static final Locale LANGUAGE = Locale.ENGLISH;

    private final PdfRenderer renderer;

    PacketAssembler(PdfRenderer renderer) {
        this.renderer = renderer;
        renderer.requireTemplate(TEMPLATE);
    }

    /** An attachment to merge: its bookmark title, its stored page count, and a way to read its bytes when its turn comes. */
    record Enclosure(String title, int pages, Content content) {
    }

    interface Content {
        byte[] read();
    }

    /**
     * Lays out the packet, then merges; refuses before the merge when the total would pass {@code maxPages},
     * and during it before a page whose content would take the attachments past {@code maxContentBytes} decoded.
     */
    RenderedPdf assemble(PacketView view, List<Enclosure> enclosed, int maxPages, long maxContentBytes) throws IOException {
        try (LaidOutPdf laid = renderer.open(TEMPLATE, view, LANGUAGE)) {
            PDDocument doc = laid.document();
            long planned = doc.getNumberOfPages() + enclosed.stream().mapToLong(Enclosure::pages).sum();
            if (planned > maxPages) {
                throw new PacketTooLargeException((int) Math.min(planned, Integer.MAX_VALUE), maxPages);
            }
            // chart notes are read as PDFBox can; its complaints about damaged objects become one line
            QuietPdfParsing.Complaints complaints = new QuietPdfParsing.Complaints();
            ContentBudget budget = new ContentBudget(maxContentBytes);
            for (Enclosure a : enclosed) {
                PDPage first;
                try {
                    first = QuietPdfParsing.during(complaints,
                            () -> AttachmentPages.append(doc, a.content().read(), a.title(), budget));
                } catch (StackOverflowError e) {
                    // PDFBox copies a page's resources by recursion: 20,000 forms each drawing the next (taken at
                    // upload, where nothing recurses) overflowed the generation thread's stack, a 500 and a
                    // thousand-line stack trace. The packet being built is thrown away; the stack is unwound.
                    throw PacketTooLargeException.nestedTooDeeply(a.title());
                }
                bookmark(doc, a.title(), first);
            }
            if (complaints.count() > 0) {
                log.info("Merged {} attachment(s); PDFBox complained {} time(s) about their content, first: {}",
                        enclosed.size(), complaints.count(), complaints.first());
            }
            String total = String.valueOf(doc.getNumberOfPages());
            var spot = laid.spot("stamp-total-pages");
            if (spot.isPresent()) {
                var s = spot.get();
                PageStamper.fill(doc, laid.bold(), s.page(), s.x(), s.y(), s.height(), total, s.tag());
            }
            PageStamper.stamp(doc, laid.regular(), header(view), (n, t) ->
                    renderer.message("packet.footer", LANGUAGE, String.valueOf(n), String.valueOf(t)));
            return renderer.finish(doc);
        }
    }

    private String header(PacketView view) {
        var p = view.patient();
        return view.meta().selfPay()
                ? renderer.message("packet.header.selfPay", LANGUAGE, p.name(), p.dateOfBirth())
                : renderer.message("packet.header", LANGUAGE, p.name(), p.dateOfBirth(), p.memberId());
    }

    private static void bookmark(PDDocument doc, String title, PDPage page) {
        if (page == null) {
            return;
        }
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        PDDocumentOutline outline = catalog.getDocumentOutline();
        if (outline == null) {
            outline = new PDDocumentOutline();
            catalog.setDocumentOutline(outline);
        }
        PDPageFitDestination destination = new PDPageFitDestination();
        destination.setPage(page);
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        item.setDestination(destination);
        outline.addLast(item);
        catalog.setPageMode(PageMode.USE_OUTLINES);
    }
}

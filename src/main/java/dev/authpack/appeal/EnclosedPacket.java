package dev.authpack.appeal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * The latest packet's pages inside the appeal packet, exactly as sent except for the running header
 * and "Page X of Y": the packet wrote those last, as one marked artifact stream per page, and they
 * are taken off so that each page carries one numbering only, the appeal packet's.
 */
final class EnclosedPacket {

    private EnclosedPacket() {
    }

    /** The packet's sections (top-level bookmarks) with their page ranges, numbered from {@code offset} + 1. */
    static List<EvidencePages.Section> sections(PDDocument packet, int offset) throws IOException {
        PDDocumentOutline outline = packet.getDocumentCatalog().getDocumentOutline();
        List<String> titles = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        if (outline != null) {
            for (PDOutlineItem item : outline.children()) {
                int index = pageIndex(packet, item);
                if (index >= 0) {
                    titles.add(item.getTitle());
                    starts.add(index);
                }
            }
        }
        List<EvidencePages.Section> out = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            int start = starts.get(i);
            int next = packet.getNumberOfPages();
            for (int s : starts) {
                if (s > start && s < next) {
                    next = s;
                }
            }
            out.add(new EvidencePages.Section(titles.get(i), offset + start + 1, offset + Math.max(start, next - 1) + 1));
        }
        return out;
    }

    /**
     * Appends every packet page to {@code target} without its old stamps, under one bookmark with the packet's
     * sections. The packet's structure tree comes along, merged into the letter's: the pages used to be imported
     * alone, their tagged text owned by no element, so a screen reader or a payer's tagged-text extraction read
     * the letter and nothing of the packet it encloses (and the appeal packet failed PDF/UA-1, 7.1-3).
     */
    static void append(PDDocument target, PDDocument packet, String bookmark, List<EvidencePages.Section> sections,
                       int offset) throws IOException {
        for (PDPage page : packet.getPages()) {
            dropStamp(page);
        }
        // the appeal writes its own bookmarks for the packet's sections, below
        packet.getDocumentCatalog().setDocumentOutline(null);
        new PDFMergerUtility().appendDocument(target, packet);
        PDDocumentCatalog catalog = target.getDocumentCatalog();
        PDDocumentOutline outline = catalog.getDocumentOutline();
        if (outline == null) {
            outline = new PDDocumentOutline();
            catalog.setDocumentOutline(outline);
        }
        PDOutlineItem top = item(bookmark, target.getPage(offset));
        outline.addLast(top);
        for (EvidencePages.Section s : sections) {
            top.addLast(item(s.title(), target.getPage(s.first() - 1)));
        }
        top.openNode();
        catalog.setPageMode(PageMode.USE_OUTLINES);
    }

    /**
     * Removes the page's last content stream when it is the packet's stamp (an Artifact marked content).
     * PDFBox appended it after a "Q" and put a matching "q" stream first; that one goes too, so the
     * graphics state stays balanced.
     */
    static void dropStamp(PDPage page) throws IOException {
        COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
        if (!(contents instanceof COSArray streams) || streams.size() < 2
                || !(streams.getObject(streams.size() - 1) instanceof COSStream last)) {
            return;
        }
        List<Object> tokens = tokens(last, 3);
        boolean restores = !tokens.isEmpty() && isOperator(tokens.get(0), "Q");
        List<Object> marked = restores ? tokens.subList(1, tokens.size()) : tokens;
        if (marked.size() < 2 || !COSName.ARTIFACT.equals(marked.get(0)) || !isOperator(marked.get(1), "BMC")) {
            return;
        }
        streams.remove(streams.size() - 1);
        if (restores && streams.getObject(0) instanceof COSStream first) {
            List<Object> save = tokens(first, 2);
            if (save.size() == 1 && isOperator(save.get(0), "q")) {
                streams.remove(0);
            }
        }
    }

    private static List<Object> tokens(COSStream stream, int max) throws IOException {
        try (var in = stream.createInputStream()) {
            PDFStreamParser parser = new PDFStreamParser(in.readAllBytes());
            List<Object> out = new ArrayList<>();
            Object token;
            while (out.size() < max && (token = parser.parseNextToken()) != null) {
                out.add(token);
            }
            return out;
        }
    }

    private static boolean isOperator(Object token, String name) {
        return token instanceof Operator op && name.equals(op.getName());
    }

    private static int pageIndex(PDDocument doc, PDOutlineItem item) throws IOException {
        if (item.getDestination() instanceof PDPageDestination d) {
            if (d.getPage() != null) {
                return doc.getPages().indexOf(d.getPage());
            }
            return d.getPageNumber();
        }
        PDPage page = item.findDestinationPage(doc);
        return page == null ? -1 : doc.getPages().indexOf(page);
    }

    private static PDOutlineItem item(String title, PDPage page) {
        PDPageFitDestination destination = new PDPageFitDestination();
        destination.setPage(page);
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        item.setDestination(destination);
        return item;
    }
}

package dev.authpack.rendering;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a PDF the way a screen reader or a payer's tagged-text extraction does: by its structure tree,
 * each element with the text of the marked content it owns, in the tree's (logical) order — not by
 * where the glyphs stand on the page.
 */
public final class TaggedPdf {

    /** Block-level types whose text a reader separates from what follows with a line break. */
    private static final Set<String> BLOCKS = Set.of("Document", "Part", "Sect", "Div", "P", "H", "H1", "H2", "H3", "H4",
            "H5", "H6", "L", "LI", "LBody", "Table", "THead", "TBody", "TFoot", "TR", "TH", "TD", "Caption", "Figure",
            "BlockQuote");

    /**
     * One structure element in depth-first (reading) order: its type, its table header scope, its
     * alternate and actual text, its language, its text (kids' marked content in order, block kids on
     * lines of their own; an element's ActualText stands for its content), the numbers (from 1) of the
     * pages its content lies on, and its kids' types.
     */
    public record Element(String type, String scope, String alt, String actualText, String lang, String text,
                          Set<Integer> pages, List<String> kids) {
    }

    private final PDDocument doc;
    private final Map<Integer, Map<Integer, String>> marked = new HashMap<>();
    private final Map<Integer, Set<Integer>> referenced = new HashMap<>();
    private final List<Element> elements = new ArrayList<>();
    private final List<String> untagged = new ArrayList<>();
    private final Set<String> printed = new HashSet<>();

    private TaggedPdf(PDDocument doc) throws IOException {
        this.doc = doc;
        for (int p = 0; p < doc.getNumberOfPages(); p++) {
            readPage(p);
        }
        PDStructureTreeRoot root = doc.getDocumentCatalog().getStructureTreeRoot();
        if (root != null) {
            for (Object kid : root.getKids()) {
                visit(kid, -1, new HashSet<>());
            }
        }
        for (var page : marked.entrySet()) {
            Set<Integer> seen = referenced.getOrDefault(page.getKey(), Set.of());
            for (var mc : page.getValue().entrySet()) {
                if (!seen.contains(mc.getKey()) && !mc.getValue().isBlank()) {
                    untagged.add("page " + (page.getKey() + 1) + ": marked content " + mc.getKey()
                            + " outside the structure tree: " + mc.getValue().strip());
                }
            }
        }
    }

    public static TaggedPdf read(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new TaggedPdf(doc);
        }
    }

    /** Every structure element, depth first. */
    public List<Element> elements() {
        return elements;
    }

    public List<Element> ofType(String type) {
        return elements.stream().filter(e -> e.type().equals(type)).toList();
    }

    /**
     * Text a tagged reader never reaches, as "page N: …": marked content no structure element owns, and
     * text drawn outside any marked content (neither tagged nor an artifact). Empty when all is reachable.
     */
    public List<String> unreachableText() {
        return untagged;
    }

    /**
     * Words read from the tags that no page prints, as "TYPE: word in «its element's text»": two words run
     * together where the tags lose the space a line wrap leaves between them, as openhtmltopdf's content does at
     * the wrap of a right-aligned line (a screen reader says "Planallowedamount"). Empty when each word read from
     * the tags stands on a page as it is read.
     */
    public List<String> wordsRunTogether() {
        Set<String> seen = new HashSet<>();
        List<String> joined = new ArrayList<>();
        // a block's words, not an inline element's: a span may start or end inside a word or before its comma.
        // Innermost block first (a cell, not the whole document), then back to reading order.
        for (int i = elements.size() - 1; i >= 0; i--) {
            Element e = elements.get(i);
            for (String word : BLOCKS.contains(e.type()) ? e.text().split("\\s+") : new String[0]) {
                if (!word.isEmpty() && !printed.contains(word) && seen.add(word)) {
                    joined.add(0, e.type() + ": " + word + " in «" + e.text().replaceAll("\\s+", " ") + "»");
                }
            }
        }
        return joined;
    }

    private void readPage(int p) throws IOException {
        PDPage page = doc.getPage(p);
        PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
        extractor.processPage(page);
        Map<Integer, String> texts = new HashMap<>();
        int[] inMarked = {0};
        for (PDMarkedContent mc : extractor.getMarkedContents()) {
            collect(mc, texts, false, inMarked);
        }
        marked.put(p, texts);
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(p + 1);
        stripper.setEndPage(p + 1);
        String printedText = stripper.getText(doc);
        printed.addAll(List.of(printedText.split("\\s+")));
        int all = printedText.replaceAll("\\s", "").length();
        if (all > inMarked[0]) {
            untagged.add("page " + (p + 1) + ": " + (all - inMarked[0]) + " characters drawn outside marked content");
        }
    }

    private static void collect(PDMarkedContent mc, Map<Integer, String> texts, boolean inArtifact, int[] count) {
        boolean artifact = inArtifact || "Artifact".equals(mc.getTag());
        StringBuilder text = new StringBuilder();
        for (Object o : mc.getContents()) {
            if (o instanceof TextPosition t) {
                text.append(t.getUnicode());
                count[0] += t.getUnicode().replaceAll("\\s", "").length();
            } else if (o instanceof PDMarkedContent inner) {
                collect(inner, texts, artifact, count);
            }
        }
        if (!artifact && mc.getMCID() >= 0) {
            texts.merge(mc.getMCID(), text.toString(), String::concat);
        }
    }

    private String content(int page, int mcid, Set<Integer> pages) {
        referenced.computeIfAbsent(page, x -> new HashSet<>()).add(mcid);
        String text = marked.getOrDefault(page, Map.of()).get(mcid);
        if (text != null && !text.isBlank()) {
            pages.add(page + 1);
        }
        return text == null ? "" : text;
    }

    private String visit(Object node, int page, Set<Integer> pages) {
        if (node instanceof Integer mcid) {
            return content(page, mcid, pages);
        }
        if (node instanceof PDMarkedContentReference ref) {
            return content(ref.getPage() != null ? doc.getPages().indexOf(ref.getPage()) : page, ref.getMCID(), pages);
        }
        if (!(node instanceof PDStructureElement e)) {
            return "";
        }
        int at = e.getPage() != null ? doc.getPages().indexOf(e.getPage()) : page;
        int index = elements.size();
        elements.add(null);
        Set<Integer> own = new HashSet<>();
        StringBuilder text = new StringBuilder();
        List<String> kids = new ArrayList<>();
        for (Object kid : e.getKids()) {
            if (kid instanceof PDStructureElement k) {
                kids.add(k.getStructureType());
            }
            text.append(visit(kid, at, own));
        }
        pages.addAll(own);
        String shown = e.getActualText() != null ? e.getActualText() : text.toString().strip();
        elements.set(index, new Element(e.getStructureType(), scope(e), e.getAlternateDescription(), e.getActualText(),
                e.getLanguage(), shown, own, kids));
        if (BLOCKS.contains(e.getStructureType())) {
            return shown + "\n";
        }
        // an inline element (a Span: each line of a header cell of a table that runs over pages, each span of a
        // template) is read as drawn: the space that ends its line or its text parts it from the next word, and
        // stripping it read "Evidence onpages" and "NPI1234567893" where the PDF says neither
        return e.getActualText() != null ? e.getActualText() : text.toString();
    }

    private static String scope(PDStructureElement e) {
        COSBase a = e.getCOSObject().getDictionaryObject(COSName.A);
        List<COSBase> dicts = new ArrayList<>();
        if (a instanceof COSArray array) {
            array.forEach(dicts::add);
        } else if (a != null) {
            dicts.add(a);
        }
        for (COSBase d : dicts) {
            if (d instanceof COSObject o) {
                d = o.getObject();
            }
            if (d instanceof COSDictionary dict && dict.getCOSName(COSName.getPDFName("Scope")) != null) {
                return dict.getCOSName(COSName.getPDFName("Scope")).getName();
            }
        }
        return null;
    }
}

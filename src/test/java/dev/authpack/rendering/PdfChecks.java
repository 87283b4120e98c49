package dev.authpack.rendering;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.core.ValidationException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Reads PDFs back the way payers and validators do: text per page, and veraPDF. */
public final class PdfChecks {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfChecks() {
    }

    /** The text of each page, in order. */
    public static List<String> pageTexts(byte[] pdf) throws IOException {
        return pageTexts(pdf, false);
    }

    /**
     * The text of each page without the characters that lie outside the page, which poppler's
     * pdftotext (the payers' and the acceptance tests' reader) drops.
     */
    public static List<String> pageTextsInsidePage(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            java.util.ArrayList<String> pages = new java.util.ArrayList<>();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                var box = doc.getPage(i - 1).getMediaBox();
                StringBuilder inside = new StringBuilder();
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> glyphs) {
                        for (var g : glyphs) {
                            if (g.getX() >= 0 && g.getX() + g.getWidth() <= box.getWidth() + 0.5f
                                    && g.getY() >= 0 && g.getY() <= box.getHeight() + 0.5f) {
                                inside.append(g.getUnicode());
                            }
                        }
                        inside.append(' ');
                    }
                };
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                stripper.getText(doc);
                pages.add(inside.toString());
            }
            return pages;
        }
    }

    /**
     * Every glyph drawn outside its page's MediaBox or within {@code margin} points of its edge, as
     * "page N: 'c' at x,y": such text is cut off on paper and dropped by pdftotext. Empty when all fits.
     */
    public static List<String> glyphsNearOrPastTheEdge(byte[] pdf, float margin) throws IOException {
        return glyphsOutside(pdf, margin, margin);
    }

    /**
     * Every glyph closer than {@code side} points to the left or right edge or {@code end} points to the top
     * or bottom, as "page N: 'c' at x,y". With the templates' side margin as {@code side}, the glyphs laid out
     * past the content box, which the renderer clips away but leaves in the content stream.
     */
    public static List<String> glyphsOutside(byte[] pdf, float side, float end) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            java.util.ArrayList<String> outside = new java.util.ArrayList<>();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                var box = doc.getPage(i - 1).getMediaBox();
                int page = i;
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> glyphs) {
                        for (var g : glyphs) {
                            // getY is the baseline from the top; the glyph rises getHeight above it
                            if (!g.getUnicode().isBlank() && (g.getX() < side
                                    || g.getX() + g.getWidth() > box.getWidth() - side
                                    || g.getY() - g.getHeight() < end || g.getY() > box.getHeight() - end)) {
                                outside.add("page " + page + ": '" + g.getUnicode() + "' at " + Math.round(g.getX())
                                        + "," + Math.round(g.getY()) + " in '" + text + "'");
                            }
                        }
                    }
                };
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                stripper.getText(doc);
            }
            return outside;
        }
    }

    /**
     * The numbers (from 1) of the pages with no text between the running header and the page footer, the
     * bands the packet's and the appeal's stamps use (the top {@code header} and bottom {@code footer} points):
     * a page that carries nothing but those stamps is a blank page in the fax.
     */
    public static List<Integer> pagesWithoutBodyText(byte[] pdf, float header, float footer) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            java.util.ArrayList<Integer> blank = new java.util.ArrayList<>();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                float height = doc.getPage(i - 1).getMediaBox().getHeight();
                boolean[] body = {false};
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> glyphs) {
                        for (var g : glyphs) {
                            body[0] |= !g.getUnicode().isBlank() && g.getY() > header && g.getY() < height - footer;
                        }
                    }
                };
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                stripper.getText(doc);
                if (!body[0]) {
                    blank.add(i);
                }
            }
            return blank;
        }
    }

    /**
     * The numbers (from 1) of the pages whose text between the running header and the page footer (the top
     * {@code header} and bottom {@code footer} points) ends with the words of {@code lastWords}, in any order:
     * a table's header row at a page's foot with no row under it (its cells may wrap, so their words are
     * compared as a bag, not as a line).
     */
    public static List<Integer> pagesEndingWith(byte[] pdf, float header, float footer, String lastWords)
            throws IOException {
        List<String> expected = java.util.Arrays.stream(lastWords.trim().split("\\s+")).sorted().toList();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            java.util.ArrayList<Integer> pages = new java.util.ArrayList<>();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                float height = doc.getPage(i - 1).getMediaBox().getHeight();
                java.util.ArrayList<String> words = new java.util.ArrayList<>();
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> glyphs) {
                        float y = glyphs.isEmpty() ? -1 : glyphs.get(0).getY();
                        if (y > header && y < height - footer) {
                            words.addAll(java.util.Arrays.asList(text.trim().split("\\s+")));
                        }
                    }
                };
                stripper.setSortByPosition(true);
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                stripper.getText(doc);
                words.removeIf(String::isEmpty);
                if (words.size() >= expected.size()
                        && words.subList(words.size() - expected.size(), words.size()).stream().sorted().toList()
                                .equals(expected)) {
                    pages.add(i);
                }
            }
            return pages;
        }
    }

    /** The text of each page read top to bottom, left to right (as pdftotext reads it). */
    public static List<String> pageTextsByPosition(byte[] pdf) throws IOException {
        return pageTexts(pdf, true);
    }

    private static List<String> pageTexts(byte[] pdf, boolean byPosition) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(byPosition);
            java.util.ArrayList<String> pages = new java.util.ArrayList<>();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(doc));
            }
            return pages;
        }
    }

    /**
     * The grey level (0 black, 1 white; 0.299 R + 0.587 G + 0.114 B) each occurrence of each phrase is filled
     * with, on the pages whose text contains {@code onPage}, as "phrase: 0.30" in reading order (a phrase's
     * lightest glyph). A fax server turns every colour into a halftone of dots: ink much lighter than the
     * body text prints hollow, and small bold words become unreadable.
     */
    public static List<String> inkOf(byte[] pdf, String onPage, List<String> phrases) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            java.util.ArrayList<String> found = new java.util.ArrayList<>();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                List<java.util.Map.Entry<String, Float>> words = inkedWords(doc, i);
                if (!String.join(" ", words.stream().map(java.util.Map.Entry::getKey).toList()).contains(onPage)) {
                    continue;
                }
                for (int w = 0; w < words.size(); w++) {
                    for (String phrase : phrases) {
                        String[] parts = phrase.split(" ");
                        if (w + parts.length > words.size()) {
                            continue;
                        }
                        boolean match = true;
                        float lightest = 0;
                        for (int k = 0; k < parts.length; k++) {
                            match &= parts[k].equals(words.get(w + k).getKey());
                            lightest = Math.max(lightest, words.get(w + k).getValue());
                        }
                        if (match) {
                            found.add(phrase + ": " + grey(lightest));
                        }
                    }
                }
            }
            return found;
        }
    }

    /**
     * Every word filled lighter than {@code grey} (0 black, 1 white), as "page N: word 0.07": what a fax
     * server's halftone pecks holes into. Empty when all text is at least that dark.
     */
    public static List<String> wordsLighterThan(byte[] pdf, float grey) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            java.util.ArrayList<String> light = new java.util.ArrayList<>();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                for (var word : inkedWords(doc, i)) {
                    if (word.getValue() > grey) {
                        light.add("page " + i + ": " + word.getKey() + " " + grey(word.getValue()));
                    }
                }
            }
            return light;
        }
    }

    private static String grey(float value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }

    /** The words of one page (from 1) in reading order, each with the grey of its lightest glyph. */
    private static List<java.util.Map.Entry<String, Float>> inkedWords(PDDocument doc, int page) throws IOException {
        java.util.Map<org.apache.pdfbox.text.TextPosition, Float> grey = new java.util.IdentityHashMap<>();
        java.util.ArrayList<java.util.Map.Entry<String, Float>> words = new java.util.ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            {
                // the text stripper ignores colour operators unless told to follow them
                addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace(this));
                addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor(this));
                addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN(this));
                addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor(this));
                addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor(this));
                addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceCMYKColor(this));
            }

            @Override
            protected void processTextPosition(org.apache.pdfbox.text.TextPosition text) {
                int rgb;
                try {
                    rgb = getGraphicsState().getNonStrokingColor().toRGB();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                grey.put(text, (0.299f * (rgb >> 16 & 0xff) + 0.587f * (rgb >> 8 & 0xff) + 0.114f * (rgb & 0xff)) / 255f);
                super.processTextPosition(text);
            }

            @Override
            protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> glyphs) {
                StringBuilder word = new StringBuilder();
                float lightest = 0;
                for (var g : glyphs) {
                    if (g.getUnicode().isBlank()) {
                        if (!word.isEmpty()) {
                            words.add(java.util.Map.entry(word.toString(), lightest));
                        }
                        word.setLength(0);
                        lightest = 0;
                    } else {
                        word.append(g.getUnicode());
                        lightest = Math.max(lightest, grey.getOrDefault(g, 0f));
                    }
                }
                if (!word.isEmpty()) {
                    words.add(java.util.Map.entry(word.toString(), lightest));
                }
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(doc);
        return words;
    }

    /** The failed rules (empty when the file conforms) for a flavour such as "2b" or "ua1". */
    public static List<String> veraPdfFailures(byte[] pdf, String flavour) throws Exception {
        PDFAFlavour f = PDFAFlavour.fromString(flavour);
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), f);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(f, false)) {
            ValidationResult result = validator.validate(parser);
            return result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct().toList();
        } catch (ValidationException e) {
            throw new AssertionError("veraPDF could not validate", e);
        }
    }
}

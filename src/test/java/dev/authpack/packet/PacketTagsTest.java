package dev.authpack.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.PdfChecks;
import dev.authpack.rendering.RenderedPdf;
import dev.authpack.rendering.TaggedPdf;
import dev.authpack.rendering.TestPdfs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packet as a screen reader or a payer's tagged-text extraction reads it: by its structure tree, not by
 * where the glyphs stand. veraPDF checks that the tags exist; these check that they say the right thing.
 */
class PacketTagsTest {

    static final PacketFixtures FIX = new PacketFixtures(true);

    /**
     * The fact tables (cover, patient, prescriber, facility, service) have their header in the first column of
     * each row. Every such header was tagged Scope=Column, which tells a reader it heads the cells below it (the
     * other headers): the value beside it, "Dana Reyes", had no header at all. Headers of a header row stay
     * Column.
     */
    @Test
    void aHeaderBesideItsValueHeadsItsRowAndAHeaderRowHeadsColumns() throws Exception {
        RenderedPdf pdf = FIX.packet(PacketFixtures.sample("01-complete-esketamine"), false, List.of());
        List<TaggedPdf.Element> all = TaggedPdf.read(pdf.bytes()).elements();

        List<String> wrong = new ArrayList<>();
        int rowHeaders = 0;
        for (int i = 0; i < all.size(); i++) {
            TaggedPdf.Element e = all.get(i);
            if (e.type().equals("TR") && e.kids().equals(List.of("TH", "TD"))) {
                rowHeaders++;
                TaggedPdf.Element th = all.get(i + 1);
                if (!"Row".equals(th.scope())) {
                    wrong.add(th.text() + ": " + th.scope());
                }
            }
            if (e.type().equals("TR") && !e.kids().isEmpty() && e.kids().stream().allMatch("TH"::equals)) {
                for (int k = 1; k <= e.kids().size(); k++) {
                    if (!"Column".equals(all.get(i + k).scope())) {
                        wrong.add(all.get(i + k).text() + ": " + all.get(i + k).scope());
                    }
                }
            }
        }
        assertThat(rowHeaders).as("rows of a header and its value").isGreaterThan(20);
        assertThat(wrong).as("headers with the wrong scope").isEmpty();
    }

    /**
     * The cover's "From" cell put the clinic, its address and its phone on lines of their own with line breaks,
     * which leave no space in the text: read from the tags, "North Clinic1 Main St, Springfield, MA
     * 01101Phone: 555-0100".
     */
    @Test
    void theCoverReadsTheSenderLineByLine() throws Exception {
        RenderedPdf pdf = FIX.packet(PacketFixtures.sample("01-complete-esketamine"), false, List.of());
        List<TaggedPdf.Element> all = TaggedPdf.read(pdf.bytes()).elements();

        assertThat(valueBeside(all, "From")).contains("North Clinic\n1 Main St, Springfield, MA 01101\nPhone: 555-0100")
                .doesNotContain("Clinic1", "01101Phone");
    }

    /** The page count, written on the cover after assembly as an artifact, was read from the tags as a blank. */
    @Test
    void theCoverPageCountIsReadFromTheTags() throws Exception {
        RenderedPdf pdf = FIX.packet(PacketFixtures.sample("01-complete-esketamine"), false, List.of(
                new PacketAssembler.Enclosure("Progress notes", 0, () -> TestPdfs.notes(2, "NOTE"))));
        List<TaggedPdf.Element> all = TaggedPdf.read(pdf.bytes()).elements();

        assertThat(valueBeside(all, "Number of pages").strip()).isEqualTo(String.valueOf(pdf.pages()));
    }

    /**
     * Attachment pages were drawn outside any tag: neither content nor artifact, so the clinical notes did not
     * exist for a screen reader or a tagged-text extraction, and a packet with an attachment failed PDF/UA-1
     * (7.1-3). A text page is now a paragraph of its attachment's section, a scan a figure that names it.
     */
    @Test
    void attachmentPagesAreTaggedTextPagesAsParagraphsScansAsNamedFigures() throws Exception {
        RenderedPdf pdf = FIX.packet(PacketFixtures.sample("01-complete-esketamine"), false, List.of(
                new PacketAssembler.Enclosure("Progress notes", 0, () -> TestPdfs.notes(2, "NOTE")),
                new PacketAssembler.Enclosure("Outside records", 0, () -> TestPdfs.scan(20, 7))));
        TaggedPdf tags = TaggedPdf.read(pdf.bytes());

        assertThat(tags.unreachableText()).isEmpty();
        assertThat(tags.ofType("Sect").stream().map(s -> s.text()))
                .anyMatch(t -> t.contains("NOTE-1") && t.contains("NOTE-2"));
        assertThat(tags.ofType("Figure")).singleElement()
                .satisfies(f -> assertThat(f.alt()).contains("Outside records", "page 1 of 1"));
        assertThat(PdfChecks.veraPdfFailures(pdf.bytes(), "ua1")).noneMatch(f -> f.startsWith("7.1-3"));
    }

    /**
     * A tagged upload (here a packet: text, tables, artifacts) carried its own marked content into the page's one
     * element: artifacts inside tagged content, PDF/UA-1 7.1-1 and 7.1-2. Its marks are taken out; its text
     * stays readable from the tags.
     */
    @Test
    void aTaggedAttachmentBringsNoMarksOfItsOwn() throws Exception {
        byte[] tagged = FIX.packet(PacketFixtures.sample("03-self-pay-ketamine"), false, List.of()).bytes();
        RenderedPdf pdf = FIX.packet(PacketFixtures.sample("01-complete-esketamine"), false, List.of(
                new PacketAssembler.Enclosure("Earlier request", 0, () -> tagged)));
        TaggedPdf tags = TaggedPdf.read(pdf.bytes());

        assertThat(tags.unreachableText()).isEmpty();
        assertThat(tags.ofType("Sect").stream().map(s -> s.text())).anyMatch(t -> t.contains("Criteria checklist"));
        assertThat(PdfChecks.veraPdfFailures(pdf.bytes(), "ua1")).isEmpty();
    }

    /** One H1 per section, named as its bookmark, in the packet's order; no heading level skipped. */
    @Test
    void headingsFollowTheSectionsAndSkipNoLevel() throws Exception {
        RenderedPdf pdf = FIX.packet(PacketFixtures.sample("01-complete-esketamine"), false, List.of());
        List<TaggedPdf.Element> headings = TaggedPdf.read(pdf.bytes()).elements().stream()
                .filter(e -> e.type().matches("H[1-6]")).toList();

        assertThat(headings.stream().filter(h -> h.type().equals("H1")).map(TaggedPdf.Element::text))
                .containsExactlyElementsOf(PacketPdfTest.bookmarks(pdf.bytes()));
        int previous = 0;
        for (TaggedPdf.Element h : headings) {
            int level = h.type().charAt(1) - '0';
            assertThat(level).as(h.text()).isLessThanOrEqualTo(previous + 1);
            previous = level;
        }
    }

    /**
     * A header row repeated atop each page its table continues on is a pagination artifact: tagged as more content
     * of the same header cells, a screen reader or a tagged-text extraction read "CriterionCriterionCriterion" and
     * "DrugDrug". Each header cell reads its name once, every table's header is there once, and the packet stays
     * PDF/UA-1 and PDF/A-2b.
     */
    @Test
    void aRepeatedHeaderRowIsReadOnceFromTheTags() throws Exception {
        RenderedPdf pdf = FIX.packet(PacketPdfTest.manyTrials(60), false, List.of());
        TaggedPdf tags = TaggedPdf.read(pdf.bytes());
        List<String> headers = tags.ofType("TH").stream().map(TaggedPdf.Element::text).toList();

        assertThat(PdfChecks.pageTexts(pdf.bytes()).stream().filter(p -> p.contains("Adherence Outcome Improvement")))
                .as("pages that print the trial table's header").hasSizeGreaterThan(1);
        assertThat(headers).filteredOn(h -> h.matches("(?s)(.+)\\1+")).as("header cells read more than once").isEmpty();
        assertThat(headers).filteredOn("Drug"::equals).hasSize(1);
        assertThat(headers).filteredOn("Criterion"::equals).hasSize(1);
        assertThat(tags.unreachableText()).isEmpty();
        assertThat(PdfChecks.veraPdfFailures(pdf.bytes(), "ua1")).isEmpty();
        assertThat(PdfChecks.veraPdfFailures(pdf.bytes(), "2b")).isEmpty();
    }

    /**
     * The packet's words are read from the tags as they are printed, at every line wrap (the letter, the checklist's
     * findings, a trial table over several pages) and between the pieces of a cell: the cover's prescriber cell,
     * three spans and the comma and space between them, was read "Alex Morgan, MD, NPI1234567893" because the tag
     * reader dropped the space that ends a span; the PDF holds it, as a screen reader reads it.
     */
    @Test
    void everyWordIsReadFromTheTagsAsItIsPrinted() throws Exception {
        RenderedPdf pdf = FIX.packet(PacketPdfTest.manyTrials(60), false, List.of());
        TaggedPdf tags = TaggedPdf.read(pdf.bytes());

        assertThat(valueBeside(tags.elements(), "Prescriber")).isEqualTo("Alex Morgan, MD, NPI 1234567893");
        assertThat(tags.wordsRunTogether()).isEmpty();
    }

    /** The text of the cell after the row header {@code header}. */
    static String valueBeside(List<TaggedPdf.Element> all, String header) {
        for (int i = 0; i + 1 < all.size(); i++) {
            if (all.get(i).type().equals("TH") && all.get(i).text().equals(header)) {
                for (int j = i + 1; j < all.size(); j++) {
                    if (all.get(j).type().equals("TD")) {
                        return all.get(j).text();
                    }
                }
            }
        }
        throw new AssertionError("no row headed " + header);
    }
}

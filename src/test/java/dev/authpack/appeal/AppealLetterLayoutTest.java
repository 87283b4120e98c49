package dev.authpack.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.PdfChecks;
import dev.authpack.rendering.PdfRenderer;
import dev.authpack.rendering.RenderedPdf;
import dev.authpack.rendering.TaggedPdf;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The appeal letter as laid out by the real template: what must stay together on one page. */
class AppealLetterLayoutTest {

    private static final PdfRenderer RENDERER = PdfRenderer.create(Path.of("templates"), false);

    /**
     * A letter whose closing falls at the foot of a page put "Sincerely," on one page and the
     * signature line on the next. The denial's length moves the closing down the page line by line,
     * so some length puts it at the foot whatever the fonts.
     */
    @Test
    void theClosingAndTheSignatureLineAreNeverOnDifferentPages() throws Exception {
        List<String> split = new ArrayList<>();
        for (int lines = 0; lines <= 80; lines += 2) {
            RenderedPdf pdf = RENDERER.render(AppealAssembler.TEMPLATE, view(lines), Locale.ENGLISH);
            List<String> pages = PdfChecks.pageTexts(pdf.bytes());
            for (String page : pages) {
                if (page.contains("Sincerely,") != page.contains("Signature:")) {
                    split.add(lines + " lines of denial");
                }
            }
        }
        assertThat(split).as("denials after which the closing and the signature part").isEmpty();
    }

    /**
     * A criterion's row (its facts and evidence run to several lines) that did not fit under its table's header
     * left the header, or the heading above it, alone at the foot of a page. The denial's length moves the
     * tables down the page line by line, so some length puts each table's start at the foot whatever the fonts.
     */
    @Test
    void aCriteriaTableHeaderOrHeadingNeverEndsAPageWithoutItsFirstCriterion() throws Exception {
        List<String> orphaned = new ArrayList<>();
        for (int lines = 0; lines <= 40; lines++) {
            RenderedPdf pdf = RENDERER.render(AppealAssembler.TEMPLATE, view(lines, List.of(answer("A"), answer("B"))),
                    Locale.ENGLISH);
            for (String last : List.of("Criterion Status today What the record shows Evidence on pages",
                    "The criteria your notice refers to", "The other criteria of the policy")) {
                // the letter alone, before its header and "Page X of Y" are stamped: its own margins are empty
                for (int page : PdfChecks.pagesEndingWith(pdf.bytes(), 0, 0, last)) {
                    orphaned.add(lines + " lines of denial: page " + page + " ends with " + last);
                }
            }
        }
        assertThat(orphaned).isEmpty();
    }

    /**
     * A self-pay case has no payer: its payer name is what the clerk typed there, and its appeal was addressed "To:
     * Appeals Department, Self-pay". It goes to the appeals department unnamed; an insured case's names its payer.
     */
    @Test
    void aSelfPayAppealIsNotAddressedToAPayerNamedSelfPay() throws Exception {
        var selfPay = dev.authpack.support.Samples.tree("03-self-pay-ketamine");
        ((tools.jackson.databind.node.ObjectNode) selfPay.get("coverage")).put("payerName", "Self-pay");
        String letter = text(AppealLetterViewTest.build(selfPay, AppealLetterViewTest.denied("Not covered"),
                dev.authpack.document.DocumentKind.PACKET));
        String insured = text(AppealLetterViewTest.build(dev.authpack.support.Samples.tree("01-complete-esketamine"),
                AppealLetterViewTest.denied("Not covered"), dev.authpack.document.DocumentKind.PACKET));

        assertThat(letter).contains("To: Appeals Department\n").doesNotContain("Self-pay");
        assertThat(insured).contains("To: Appeals Department, Example Health Plan");
    }

    /**
     * The criteria table repeats its header row on each page it continues on, and openhtmltopdf tagged each repeat
     * as more content of the one header cell: read from the tags, "CriterionCriterionCriterion". The repeats are
     * artifacts now; each header cell reads its name once, and the letter stays PDF/UA-1 and PDF/A-2b.
     */
    @Test
    void aRepeatedCriteriaHeaderIsReadOnceFromTheTags() throws Exception {
        byte[] pdf = criteriaOverSeveralPages();
        List<String> headers = TaggedPdf.read(pdf).ofType("TH").stream().map(TaggedPdf.Element::text).toList();

        assertThat(PdfChecks.pageTexts(pdf).stream().filter(p -> p.contains("Criterion Status today")))
                .as("pages that print the criteria table's header").hasSizeGreaterThan(1);
        assertThat(headers).filteredOn(h -> h.startsWith("Criterion")).containsOnly("Criterion");
        assertThat(PdfChecks.veraPdfFailures(pdf, "ua1")).isEmpty();
        assertThat(PdfChecks.veraPdfFailures(pdf, "2b")).isEmpty();
    }

    /**
     * A criteria table that continues over pages has each line of its header cells tagged as a span of its own, and
     * the wrapped header "Evidence on pages" was read from the tags as "Evidence onpages": the space that ends its
     * first line is drawn and tagged, but the tag reader dropped it with the span's edge. Read as a screen reader
     * does, the header and every wrapped line of the letter (paragraphs, the quoted denial, facts, evidence) keep
     * their words apart: each word read from the tags is a word printed on a page.
     */
    @Test
    void aWrappedHeaderAndEveryWrappedLineKeepTheirWordsApartInTheTags() throws Exception {
        byte[] pdf = criteriaOverSeveralPages();
        TaggedPdf tags = TaggedPdf.read(pdf);

        assertThat(PdfChecks.pageTexts(pdf).get(0)).as("the header wraps").containsPattern("Evidence on\\h*\\Rpages");
        assertThat(tags.ofType("TH").stream().map(TaggedPdf.Element::text)).contains("Evidence on pages")
                .noneMatch(h -> h.contains("onpages"));
        assertThat(tags.wordsRunTogether()).isEmpty();
    }

    /** The letter whose second criteria table continues over several pages, tagged for PDF/UA. */
    private static byte[] criteriaOverSeveralPages() {
        AppealView base = AppealLetterViewTest.build(dev.authpack.support.Samples.tree("01-complete-esketamine"),
                AppealLetterViewTest.denied("Not covered"), dev.authpack.document.DocumentKind.PACKET);
        List<AppealView.Answer> many = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            many.addAll(base.others());
        }
        AppealView view = new AppealView(base.date(), base.payer(), base.patient(), base.treatment(),
                base.reauthorization(), base.denial(), base.asOf(), base.complete(), base.named(), many, base.missing(),
                base.enclosure(), base.prescriber(), base.policyId(), base.policyVersion());
        return PdfRenderer.create(Path.of("templates"), true).render(AppealAssembler.TEMPLATE, view, Locale.ENGLISH).bytes();
    }

    private static String text(AppealView view) throws Exception {
        return String.join("\n", PdfChecks.pageTexts(RENDERER.render(AppealAssembler.TEMPLATE, view, Locale.ENGLISH).bytes()));
    }

    /** A criterion whose facts and evidence are as long as a case allows them to be. */
    private static AppealView.Answer answer(String id) {
        String drug = "desvenlafaxine extended release ".repeat(6).strip();
        return new AppealView.Answer("CRITERION_" + id, "Failed antidepressant trials " + id, "MET",
                "2 qualifying trials of 2 classes, " + "each of adequate dose and duration ".repeat(4).strip(),
                List.of(drug + " 200 mg/day, 2025-02-01 to 2025-04-15", drug + " 225 mg/day, 2025-05-01 to 2025-07-20"),
                "5-6");
    }

    private static AppealView view(int lines) {
        return view(lines, List.of());
    }

    private static AppealView view(int lines, List<AppealView.Answer> others) {
        String reason = "The documentation does not show two failed antidepressant trials of adequate dose. ".repeat(lines);
        var answer = new AppealView.Answer("FAILED_TRIALS", "Failed antidepressant trials", "MET",
                "2 qualifying trials of 2 classes", List.of("sertraline 200 mg/day, 2025-02-01 to 2025-04-15"), "5");
        return new AppealView("2026-11-20", "Example Health Plan",
                new AppealView.Person("Dana Reyes", "1979-03-14", "XJH123456789"), "ESKETAMINE", false,
                new AppealView.Denial("2026-11-19", reason.strip(), "2026-11-17", "EHP-REF-7781", "2027-05-18", true),
                "2026-11-20", true, List.of(answer), others, List.of(),
                new AppealView.Enclosure("2026-11-16", false, 2, 8, List.of()),
                new AppealView.Prescriber("Alex Morgan, MD", "1234567893", "psychiatry", "North Clinic"),
                "esketamine-standard", "2026.1");
    }
}

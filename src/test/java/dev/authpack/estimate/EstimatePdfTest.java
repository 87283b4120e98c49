package dev.authpack.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.Coverage;
import dev.authpack.casefile.PlanType;
import dev.authpack.casefile.Treatment;
import dev.authpack.casefile.TreatmentRequest;
import dev.authpack.core.Money;
import dev.authpack.rendering.PdfChecks;
import dev.authpack.rendering.PdfRenderer;
import dev.authpack.rendering.RenderedPdf;
import dev.authpack.rendering.TaggedPdf;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EstimatePdfTest {

    private static final Locale ES = Locale.forLanguageTag("es");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
    private static final String F33_2 = "Major depressive disorder, recurrent severe without psychotic features";

    private final CoursePricing pricing = new CoursePricing(new FeeSchedules(Path.of("templates")), CLOCK);
    private static final EstimatePdf PDF = new EstimatePdf(PdfRenderer.create(Path.of("templates"), true));

    @Test
    void insuredEstimateShowsTotalsPartiesAndEveryLine() throws IOException {
        String text = text(render(SampleCases.sample01(), Locale.ENGLISH));

        assertThat(text).contains("Your cost estimate", "$3,263.69", "$7,054.87", "$10,318.56", "$11,600.00",
                "$1,289.82", "$426.11", "$257.96", "Dana Reyes", "March 14, 1979", "Example Health Plan",
                "XJH123456789", "Alex Morgan, MD", "1234567893", "North Clinic", "1245319599", "12-3456789",
                "1 Main St, Springfield, MA 01101", "F33.2", F33_2, "G2083",
                "Esketamine >56 mg, supervised, 2 h observation");
        assertThat(text).contains("likely pay $3,263.69 in total, about $407.96 per session");
    }

    /**
     * Amounts could break anywhere, so the lines table narrowed its charge column below the figure's width:
     * every insured estimate printed sample 01's "$1,450.00" as "$1,450." over "00", a reader (and a fax's
     * OCR) taking the first line for the charge. An amount of ordinary length prints whole on one line.
     */
    @Test
    void everyAmountOfAnOrdinaryLinePrintsWholeOnOneLine() throws IOException {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("es")}) {
            List<String> lines = PdfChecks.pageTextsByPosition(render(SampleCases.sample01(), locale).bytes()).stream()
                    .flatMap(page -> page.lines()).toList();

            assertThat(lines).as(locale.toString()).anyMatch(l -> l.contains("G2083") && l.contains("$1,450.00")
                    && l.contains("$1,289.82") && l.contains("$11,600.00") && l.contains("$3,263.69"));
        }
    }

    @Test
    void insuredEstimateExplainsBenefitsAndAssumptions() throws IOException {
        String text = text(render(SampleCases.sample01(), Locale.ENGLISH));

        assertThat(text).contains("Deductible: ", "Left to meet this year: $1,500.00", "Coinsurance: ", "20%",
                "Out-of-pocket maximum: ", "Left this year: $4,000.00",
                "assumes your prior authorization is approved", "This is an estimate, not a guarantee");
        assertThat(text).doesNotContainIgnoringCase("balance bill").doesNotContain("Good Faith Estimate");
    }

    @Test
    void outOfNetworkEstimateWarnsAboutBalanceBilling() throws IOException {
        CaseData outOfNetwork = SampleCases.insured(new Coverage("Example Health Plan", PlanType.COMMERCIAL, false,
                Money.of("0"), new BigDecimal("20"), null, Money.of("300.00")));

        String text = text(render(outOfNetwork, Locale.ENGLISH));

        assertThat(text).containsPattern("(?i)balance[\\s-]*bill").contains("$1,281.44", "out of your plan’s network");
    }

    /**
     * The note under the per-session table names only what makes the sessions differ in this case: the
     * sample's $3,263.69 stays under the $4,000.00 left, so no payment stops at the out-of-pocket maximum.
     */
    @Test
    void sessionNoteNamesTheDeductibleAloneWhenTheOutOfPocketMaximumIsNotReached() throws IOException {
        String en = text(render(SampleCases.sample01(), Locale.ENGLISH));
        String es = text(render(SampleCases.sample01(), ES));

        assertThat(en).contains("Sessions differ because your deductible is used up first.")
                .doesNotContain("stop at your out-of-pocket maximum");
        assertThat(es).contains("Las sesiones varían porque primero se usa su deducible.")
                .doesNotContain("máximo de gastos de bolsillo.");
    }

    @Test
    void sessionNoteNamesTheOutOfPocketMaximumAloneWhenNoDeductibleIsLeft() throws IOException {
        CaseData capOnly = SampleCases.insured(new Coverage("Example Health Plan", PlanType.COMMERCIAL, true,
                Money.of("0"), new BigDecimal("20"), null, Money.of("600.00")));

        String text = text(render(capOnly, Locale.ENGLISH));

        assertThat(text).contains("Sessions differ because your payments stop at your out-of-pocket maximum.")
                .doesNotContain("deductible is used up");
    }

    @Test
    void sessionNoteNamesBothWhenTheDeductibleIsUsedAndTheMaximumReached() throws IOException {
        CaseData both = SampleCases.insured(new Coverage("Example Health Plan", PlanType.COMMERCIAL, true,
                Money.of("1500.00"), new BigDecimal("20"), null, Money.of("2000.00")));

        String text = text(render(both, Locale.ENGLISH));

        assertThat(text).contains("Sessions differ because your deductible is used up first and payments stop at your"
                + " out-of-pocket maximum.");
    }

    @Test
    void spanishEstimateHasTheSameFiguresInSpanishWords() throws IOException {
        String en = text(render(SampleCases.sample01(), Locale.ENGLISH));
        String es = text(render(SampleCases.sample01(), ES));

        assertThat(es).contains("Estimación de sus costos", "$3,263.69", "$7,054.87", "14 de marzo de 1979",
                "supone que se aprueba su autorización previa", "no una garantía", "Deducible", "G2083");
        assertThat(es.replaceAll("\\d", "")).isNotEqualTo(en.replaceAll("\\d", ""));
    }

    @Test
    void selfPayIsAGoodFaithEstimateWithEveryRequiredElement() throws IOException {
        String text = text(render(SampleCases.sample03(), Locale.ENGLISH));

        assertThat(text).contains("Good Faith Estimate", "$3,600.00", "$600.00",
                // patient name and date of birth
                "Dana Reyes", "March 14, 1979",
                // primary service in plain words, and its scheduled date
                "Ketamine infusion into a vein (IV)", "December 7, 2026",
                // itemized services with service codes, diagnosis code and expected charges
                "J3490", "96365", "$450.00", "$150.00", "$2,700.00", "$900.00", "F33.2", F33_2,
                // each provider's and facility's name, NPI, TIN, location and state
                "Alex Morgan, MD", "1234567893", "North Clinic", "1245319599", "12-3456789",
                "1 Main St, Springfield, MA 01101", "State MA",
                // services needing separate scheduling, and the disclaimers
                "Services that need separate scheduling", "must be scheduled separately and are not included",
                "not shown in this Good Faith Estimate", "It is only an estimate",
                "actual items, services, or charges may differ", "is not a contract",
                // patient-provider dispute resolution: $400 threshold, how to start, no effect on care
                "patient-provider dispute resolution", "at least $400 more than this Good Faith Estimate",
                "How to start it", "120 calendar days", "www.cms.gov/nosurprises", "does not affect the quality");
        assertThat(text).doesNotContain("prior authorization").doesNotContainIgnoringCase("balance bill");
    }

    @Test
    void spanishGoodFaithEstimateIsInSpanish() throws IOException {
        String text = text(render(SampleCases.sample03(), ES));

        assertThat(text).contains("Estimación de buena fe", "$3,600.00", "$400", "disputa", "7 de diciembre de 2026",
                "no afecta la calidad de la atención");
    }

    /**
     * A Good Faith Estimate for a single session told the patient it "covers all 1 sessions listed above"
     * ("las 1 sesiones" in Spanish): one session is named as one, in both languages.
     */
    @Test
    void oneSessionGoodFaithEstimateSpeaksOfOneSession() throws IOException {
        CaseData one = SampleCases.withRequest(SampleCases.sample03(), new TreatmentRequest(Treatment.KETAMINE_IV,
                null, LocalDate.of(2026, 12, 7), 1, false, SampleCases.sample03().request().lines()));

        String en = text(render(one, Locale.ENGLISH));
        String es = text(render(one, ES));

        assertThat(en).contains("This estimate covers the one session listed above.", "$600.00")
                .doesNotContain("1 sessions");
        assertThat(es).contains("Esta estimación cubre la sesión indicada arriba.", "$600.00")
                .doesNotContain("1 sesiones");
        String six = text(render(SampleCases.sample03(), Locale.ENGLISH));
        assertThat(six).contains("the estimate covers all 6 sessions listed above");
    }

    /** A schedule entry without Spanish wording prints its English one: never a line without words. */
    @Test
    void spanishEstimatePrintsTheEnglishWordingOfAnEntryWithoutASpanishOne() throws IOException {
        LocalDate y2025 = LocalDate.of(2025, 1, 1);
        FeeSchedules schedules = new FeeSchedules(List.of(new FeeSchedule("clinic", "1", "Clinic", y2025, null,
                List.of(new FeeEntry("J0013", "Esketamine nasal spray, 1 mg", null, Money.of("12.50"), y2025, null,
                        null)))));
        CaseData data = SampleCases.withRequest(SampleCases.sample01(), new TreatmentRequest(null, null,
                LocalDate.of(2026, 11, 30), 8, false,
                List.of(new dev.authpack.casefile.BillingLine("J0013", null, 84, null, null))));

        String es = text(render(new CoursePricing(schedules, CLOCK), data, ES));

        assertThat(es).contains("J0013", "Esketamine nasal spray, 1 mg", "$8,400.00");
    }

    @Test
    void longCourseRunsOverSeveralPagesWithTheTotal() throws IOException {
        CaseData sixty = SampleCases.withRequest(SampleCases.sample01(), new TreatmentRequest(null, null,
                LocalDate.of(2026, 11, 30), 60, false, SampleCases.sample01().request().lines()));

        RenderedPdf rendered = render(sixty, Locale.ENGLISH);

        assertThat(rendered.pages()).isGreaterThan(1);
        String text = text(rendered);
        assertThat(text).contains("60 $0.00 $1,289.82", "You will likely pay $4,000.00").doesNotContain("61 $0.00");
        // the session table's header repeats on every page it spans
        assertThat(text.split("Session You pay Your plan pays", -1)).hasSizeGreaterThan(2);
    }

    /**
     * Every description could break anywhere, so the lines table narrowed the description column below its
     * one word: "Esketamine" printed as "Esketam" over "ine", and with zero fees as "Esketami" over "ne".
     * A description of ordinary words keeps each word whole; only a word too long for any column may break.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1450.00", "0.00"})
    void aOneWordDescriptionPrintsWhole(String charge) throws IOException {
        List<dev.authpack.casefile.BillingLine> lines = List.of(
                new dev.authpack.casefile.BillingLine("G2083", "Esketamine", 1, Money.of(charge), Money.of(charge)),
                new dev.authpack.casefile.BillingLine("99213", "Visit", 1, Money.of("90.00"), null));
        for (CaseData base : List.of(SampleCases.sample01(), SampleCases.sample03())) {
            CaseData data = SampleCases.withRequest(base, new TreatmentRequest(null, null,
                    LocalDate.of(2026, 11, 30), 8, false, lines));

            List<String> printed = PdfChecks.pageTextsByPosition(render(data, Locale.ENGLISH).bytes()).stream()
                    .flatMap(page -> page.lines()).toList();

            assertThat(printed).as(base.coverage().planType() + " " + charge)
                    .anyMatch(l -> l.contains("G2083") && l.contains("Esketamine"))
                    .anyMatch(l -> l.contains("99213") && l.contains("Visit"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void longUnbrokenCodesAndDescriptionsStayOnThePage(String language) throws IOException {
        List<dev.authpack.casefile.BillingLine> lines = List.of(
                new dev.authpack.casefile.BillingLine("C".repeat(60), "D".repeat(200), 1, Money.of("1450.00"),
                        Money.of("1289.82")),
                new dev.authpack.casefile.BillingLine("G2082", "W".repeat(120) + " word", 2, Money.of("10.00"), null),
                new dev.authpack.casefile.BillingLine("ABCDEFGHIJKLMNOP", "E".repeat(200), 1, Money.of("1.00"), null));
        CaseData data = SampleCases.withRequest(SampleCases.sample01(), new TreatmentRequest(null, null,
                LocalDate.of(2026, 11, 30), 8, false, lines));

        RenderedPdf rendered = render(data, language.equals("es") ? ES : Locale.ENGLISH);

        // pdftotext, as payers and patients' tools read the PDF, drops whatever lies outside the page
        String all = String.join("", PdfChecks.pageTexts(rendered.bytes())).replaceAll("\\s+", "");
        String inside = String.join("", PdfChecks.pageTextsInsidePage(rendered.bytes())).replaceAll("\\s+", "");
        assertThat(inside).isEqualTo(all).contains("$11,600.00", "$20.00", "$160.00");
        // a code of a realistic length stays whole beside a description that must break
        assertThat(String.join(" ", PdfChecks.pageTexts(rendered.bytes()))).contains("ABCDEFGHIJKLMNOP", "G2082");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Reyes", "LLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLL"
            + "LLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLL",
        "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", "de la Cruz y Villanueva Montoya Reyes",
        "\u5F20 \u5C71\u7530 \uAE40"})
    void patientNameStaysWholeOnOneLineWhateverItsLength(String lastName) throws IOException {
        CaseData sample = SampleCases.sample01();
        var p = sample.patient();
        CaseData data = new CaseData(sample.policyId(), new dev.authpack.casefile.Patient(p.firstName(), lastName,
                p.dateOfBirth(), p.sex(), p.memberId(), p.groupNumber()), sample.coverage(), sample.prescriber(),
                sample.facility(), sample.diagnosis(), null, null, null, null, sample.request());

        RenderedPdf rendered = render(data, Locale.ENGLISH);

        String inside = String.join(" ", PdfChecks.pageTextsInsidePage(rendered.bytes())).replaceAll("\\s+", " ");
        assertThat(inside).contains(lastName);
    }

    /**
     * The out-of-network estimate had "Itemized services for each session" alone at the foot of page 1,
     * its table on page 2. No page but the last may end with a heading, in any estimate we send.
     */
    @ParameterizedTest
    @ValueSource(strings = {"in-network-en", "in-network-es", "out-of-network-en", "out-of-network-es",
            "self-pay-en", "self-pay-es"})
    void noPageEndsWithAHeadingSeparatedFromWhatFollows(String which) throws IOException {
        CaseData data = which.startsWith("self-pay") ? SampleCases.sample03()
                : which.startsWith("out") ? SampleCases.insured(new Coverage("Example Health Plan", PlanType.COMMERCIAL,
                        false, Money.of("0"), new BigDecimal("20"), null, Money.of("300.00")))
                : SampleCases.sample01();
        List<String> headings = headings();

        List<String> pages = PdfChecks.pageTexts(render(data, which.endsWith("es") ? ES : Locale.ENGLISH).bytes());

        for (int i = 0; i < pages.size() - 1; i++) {
            List<String> lines = pages.get(i).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.matches("\\d+ / \\d+")).toList();
            assertThat(headings).as("the last line of page %d of %d: %s", i + 1, pages.size(), lines.get(lines.size() - 1))
                    .doesNotContain(lines.get(lines.size() - 1));
        }
    }

    /**
     * A line's 200-character description makes its row several lines tall: one that did not fit under the lines
     * table's header moved to the next page and could leave the header alone at a page's foot, as could the
     * session table's header below a long lines table. The number of lines and the length of the last one's
     * description move the tables down the page line by line, so some case puts each table's start at the foot
     * whatever the fonts.
     */
    @Test
    void noPageEndsWithATableHeaderWithoutItsFirstRow() throws IOException {
        List<String> orphaned = new java.util.ArrayList<>();
        String description = "Esketamine nasal spray, supervised self-administration and observation ".repeat(3);
        for (int count : new int[] {1, 3, 6}) {
            for (int length = 20; length <= 200; length += 15) {
                List<dev.authpack.casefile.BillingLine> lines = new java.util.ArrayList<>();
                for (int i = 0; i < count; i++) {
                    lines.add(new dev.authpack.casefile.BillingLine("G20" + (10 + i),
                            description.substring(0, i == count - 1 ? length : 200).strip(), 1, Money.of("1450.00"),
                            Money.of("1289.82")));
                }
                CaseData data = SampleCases.withRequest(SampleCases.sample01(), new TreatmentRequest(null, null,
                        LocalDate.of(2026, 11, 30), 8, false, lines));

                byte[] pdf = render(data, Locale.ENGLISH).bytes();

                // the page number "1 / 3" is printed in the bottom margin (18 mm)
                for (String header : List.of("Service code Service Units Charge Plan allowed amount "
                        + "Charges for all sessions You pay for all sessions", "Session You pay Your plan pays")) {
                    for (int page : PdfChecks.pagesEndingWith(pdf, 0, 51, header)) {
                        orphaned.add(count + " lines, the last of " + length + " characters: page " + page
                                + " ends with " + header);
                    }
                }
            }
        }
        assertThat(orphaned).isEmpty();
    }

    /**
     * An insured estimate of four lines (G2083, 99215, G2082, 90792) came out three pages, the third carrying
     * only the footer about the fee schedule: a page the patient turns to for nothing. Whatever the number of
     * lines, in either language, insured or self-pay, the last page carries more than that footer.
     */
    @Test
    void theLastPageCarriesMoreThanTheFooterWhateverTheNumberOfLines() throws IOException {
        String[][] codes = {{"G2083", "1"}, {"99215", "1"}, {"G2082", "1"}, {"90792", "1"}, {"J0013", "84"},
            {"99214", "1"}, {"96365", "1"}, {"96366", "2"}};
        List<String> footerOnly = new java.util.ArrayList<>();
        for (String which : List.of("in-network", "out-of-network", "self-pay")) {
            CaseData base = which.equals("self-pay") ? SampleCases.sample03()
                    : which.equals("out-of-network") ? SampleCases.insured(new Coverage("Example Health Plan",
                            PlanType.COMMERCIAL, false, Money.of("0"), new BigDecimal("20"), null, Money.of("300.00")))
                    : SampleCases.sample01();
            for (int count = 1; count <= codes.length; count++) {
                List<dev.authpack.casefile.BillingLine> lines = new java.util.ArrayList<>();
                for (int i = 0; i < count; i++) {
                    lines.add(new dev.authpack.casefile.BillingLine(codes[i][0], null, Integer.valueOf(codes[i][1]),
                            Money.of("1" + i + "0.00"), which.equals("self-pay") ? null : Money.of(i + "90.00")));
                }
                CaseData data = SampleCases.withRequest(base, new TreatmentRequest(null, null,
                        LocalDate.of(2026, 11, 30), 8, false, lines));
                for (Locale locale : List.of(Locale.ENGLISH, ES)) {
                    List<String> pages = PdfChecks.pageTexts(render(data, locale).bytes());
                    String last = pages.get(pages.size() - 1).lines().map(String::strip)
                            .filter(l -> !l.matches("\\d+ / \\d+")).reduce("", (a, b) -> a + " " + b).strip();
                    int footer = last.indexOf(footerStart(locale));
                    if (last.substring(0, footer < 0 ? last.length() : footer).isBlank()) {
                        footerOnly.add(which + " " + locale + ", " + count + " lines: page " + pages.size()
                                + " of " + pages.size() + " holds only \"" + last + "\"");
                    }
                }
            }
        }
        assertThat(footerOnly).isEmpty();
    }

    /** The footer's words up to the fee schedule's name, as the bundle writes them. */
    private static String footerStart(Locale locale) throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(Path.of("templates/documents/messages",
                "estimate_" + locale.getLanguage() + ".properties"))) {
            p.load(in);
        }
        String footer = p.getProperty("estimate.footer");
        return footer.substring(0, footer.indexOf("{0}")).strip();
    }

    /** Every heading of the estimate, in both languages, as the bundles write them. */
    private static List<String> headings() throws IOException {
        List<String> out = new java.util.ArrayList<>();
        for (String bundle : List.of("estimate_en.properties", "estimate_es.properties")) {
            java.util.Properties p = new java.util.Properties();
            try (var in = java.nio.file.Files.newBufferedReader(Path.of("templates/documents/messages", bundle))) {
                p.load(in);
            }
            p.stringPropertyNames().stream().filter(k -> k.contains(".heading")).map(p::getProperty).forEach(out::add);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample01-en", "sample01-es", "sample03-en", "sample03-es"})
    void estimatePdfIsPdfA2bAndPdfUa1(String which) throws Exception {
        CaseData data = which.startsWith("sample01") ? SampleCases.sample01() : SampleCases.sample03();
        RenderedPdf rendered = render(data, which.endsWith("es") ? ES : Locale.ENGLISH);

        assertThat(PdfChecks.veraPdfFailures(rendered.bytes(), "2b")).isEmpty();
        assertThat(PdfChecks.veraPdfFailures(rendered.bytes(), "ua1")).isEmpty();
        assertThat(rendered.templateVersion()).isEqualTo("estimate 2026.11.10");
    }

    /**
     * Read from the tags (a screen reader, a payer's tagged-text extraction): the fact tables' headers head their
     * row (they were tagged Scope=Column, which left "Dana Reyes" without a header), the right-aligned column
     * headers keep the spaces where they wrap (they read "Planallowedamount", "Montopermitidopor elplan"), and a
     * Spanish estimate says it is Spanish.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void tagsHeadEachRowKeepHeaderWordsApartAndNameTheLanguage(String language) throws Exception {
        Locale locale = language.equals("es") ? ES : Locale.ENGLISH;
        TaggedPdf tags = TaggedPdf.read(render(SampleCases.sample01(), locale).bytes());
        List<TaggedPdf.Element> all = tags.elements();
        java.util.Properties bundle = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(
                Path.of("templates/documents/messages", "estimate_" + language + ".properties"))) {
            bundle.load(in);
        }

        assertThat(all.get(0).type()).isEqualTo("Document");
        assertThat(all.get(0).lang()).isEqualTo(language);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).type().equals("TR") && all.get(i).kids().equals(List.of("TH", "TD"))) {
                assertThat(all.get(i + 1).scope()).as(all.get(i + 1).text()).isEqualTo("Row");
            }
        }
        List<String> headers = tags.ofType("TH").stream().map(TaggedPdf.Element::text).toList();
        for (String key : List.of("estimate.lines.allowed", "estimate.lines.course", "estimate.lines.patient",
                "estimate.lines.charge", "estimate.sessions.plan")) {
            assertThat(headers).contains(bundle.getProperty(key));
        }
    }

    /**
     * Every word read from the tags (a screen reader, a payer's tagged-text extraction) is a word the estimate
     * prints, over a course long enough to run onto several pages with repeated headers: no line wrap loses the
     * space between two words, as openhtmltopdf's right-aligned column headers did ("Planallowedamount").
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void everyWordIsReadFromTheTagsAsItIsPrinted(String language) throws Exception {
        CaseData sixty = SampleCases.withRequest(SampleCases.sample01(), new TreatmentRequest(null, null,
                LocalDate.of(2026, 11, 30), 60, false, SampleCases.sample01().request().lines()));
        RenderedPdf rendered = render(sixty, language.equals("es") ? ES : Locale.ENGLISH);

        assertThat(rendered.pages()).isGreaterThan(1);
        assertThat(TaggedPdf.read(rendered.bytes()).wordsRunTogether()).isEmpty();
    }

    private RenderedPdf render(CaseData data, Locale locale) {
        return render(pricing, data, locale);
    }

    private static RenderedPdf render(CoursePricing pricing, CaseData data, Locale locale) {
        PricedCourse course = pricing.price(data);
        Estimate estimate = new EstimateCalculator().calculate(course.benefits(), course.sessions(), course.lines());
        return PDF.render(data, course.lines(), estimate, data.diagnosis().icd10() == null ? null : F33_2, locale,
                LocalDate.now(CLOCK), "clinic-standard 2026.1");
    }

    private static String text(RenderedPdf rendered) throws IOException {
        return String.join(" ", PdfChecks.pageTexts(rendered.bytes())).replaceAll("\\s+", " ");
    }
}

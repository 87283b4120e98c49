package dev.authpack.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.MedicationTrial;
import dev.authpack.completeness.CriterionResult;
import dev.authpack.rendering.PdfChecks;
import dev.authpack.rendering.RenderedPdf;
import dev.authpack.rendering.TestPdfs;
import dev.authpack.support.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Packets rendered by the real pipeline and read back with PDFBox, as a payer's system reads them. */
class PacketPdfTest {

    static final PacketFixtures FIX = new PacketFixtures(true);
    static final JsonMapper JSON = JsonMapper.builder().build();

    static CaseData parse(ObjectNode tree) {
        return JSON.treeToValue(tree, CaseData.class);
    }

    static CaseData reauthorization() {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("request")).put("phase", "REAUTHORIZATION");
        var scores = c.putArray("assessments");
        scores.addObject().put("instrument", "PHQ9").put("score", 22).put("date", "2026-06-01");
        scores.addObject().put("instrument", "PHQ9").put("score", 8).put("date", "2026-11-10");
        return parse(c);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("01 complete esketamine", PacketFixtures.sample("01-complete-esketamine")),
                Arguments.of("03 self-pay ketamine", PacketFixtures.sample("03-self-pay-ketamine")),
                Arguments.of("reauthorization", reauthorization()),
                Arguments.of("synthetic 7", SyntheticCases.of(7)),
                Arguments.of("synthetic 42", SyntheticCases.of(42)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void packetCarriesPatientHeaderAndPageXofYOnEveryPage(String name, CaseData data) throws Exception {
        RenderedPdf pdf = FIX.packet(data, false, List.of());
        List<String> pages = PdfChecks.pageTexts(pdf.bytes());

        assertThat(pages).hasSize(pdf.pages());
        for (int i = 0; i < pages.size(); i++) {
            String text = pages.get(i);
            assertThat(text).as("page %d", i + 1)
                    .containsPattern("Page\\s+" + (i + 1) + "\\s+of\\s+" + pages.size() + "\\b")
                    .contains(data.patient().lastName())
                    .contains(data.patient().dateOfBirth().toString());
            if (!data.selfPay()) {
                assertThat(text).as("page %d", i + 1).contains(data.patient().memberId());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void packetTextNamesEveryTrialTheCodesTheNpiAndEveryCriterionLabel(String name, CaseData data) throws Exception {
        RenderedPdf pdf = FIX.packet(data, false, List.of());
        String text = String.join("\n", PdfChecks.pageTexts(pdf.bytes())).replaceAll("\\s+", " ");

        for (MedicationTrial t : data.medicationTrials()) {
            assertThat(text).contains(t.drug());
        }
        assertThat(text).contains(data.diagnosis().icd10().value(), data.prescriber().npi().value(),
                "Letter of Medical Necessity", "Fax cover sheet", "Criteria checklist", "Treatment history",
                "Severity evidence", "Chart of severity scores");
        for (CriterionResult c : FIX.completeness.check(data).criteria()) {
            assertThat(text).containsPattern("(?i)" + Pattern.quote(c.label()).replace(" ", "\\E\\s+\\Q"));
        }
        assertThat(text).doesNotContainPattern("[\\uFB00-\\uFB06]").doesNotContain("??");
    }

    /**
     * Payers and their tools search a packet's text for what the checklist says. Dates broke at their hyphens
     * in the checklist's narrow columns ("sertraline 200 mg/day, 2025-" over "02-01 to 2025-04-15"), and so did
     * units ("300 mg" over "/day") and codes ("F33." over "3"): about one evidence line in five could not be found as the completeness report
     * words it, sample 01's first trial among them. A hyphen between digits (a date, a phone number, a TIN) and
     * a code's dot or a unit's slash never end a line; every
     * finding and evidence line reads whole, hyphenated words aside.
     */
    static Stream<Arguments> casesWithCigna() {
        return Stream.concat(cases(), Stream.of(Arguments.of("05 cigna psychosis attested",
                PacketFixtures.sample("05-cigna-psychosis-attested"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithCigna")
    void everyFindingAndEvidenceLineOfTheChecklistReadsWhole(String name, CaseData data) throws Exception {
        RenderedPdf pdf = FIX.packet(data, false, List.of());
        String text = String.join("\n", PdfChecks.pageTexts(pdf.bytes())).replaceAll("\\s+", " ");

        assertThat(text).doesNotContainPattern("\\d-\\s\\d");
        // a word broken after its own hyphen ("REMS-" over "certified") is a line break, not a change
        String joined = text.replaceAll("(?<=\\p{L})- ", "-");
        for (CriterionResult c : FIX.completeness.check(data).criteria()) {
            assertThat(joined).as(c.id().name()).contains(c.detail().replaceAll("\\s+", " "));
            for (String e : c.evidence()) {
                assertThat(joined).as(c.id().name()).contains(e.replaceAll("\\s+", " "));
            }
        }
    }

    /**
     * A self-pay packet goes to no payer, but its cover read "To Self-pay" and its letter "To: Utilization
     * Management Reviewer, Self-pay" (the payer name the clerk typed), also when the clerk had typed an insurer's
     * name. The cover leaves a line to write the recipient on; the letter has no "To:" line. An insured packet
     * still names its payer in both.
     */
    @ParameterizedTest(name = "payer name {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Self-pay", "Example Health Plan"})
    void aSelfPayPacketIsNotAddressedToAPayer(String payerName) throws Exception {
        ObjectNode c = Samples.tree("03-self-pay-ketamine");
        ((ObjectNode) c.get("coverage")).put("payerName", payerName);
        List<String> pages = PdfChecks.pageTexts(FIX.packet(parse(c), false, List.of()).bytes());
        String cover = pages.get(0);
        // the running header says "Self-pay" where an insured packet has the member ID
        String letter = pages.stream().filter(p -> p.contains("Letter of Medical Necessity")).findFirst().orElseThrow()
                .replaceAll("Patient: .*DOB: .*", "");

        assertThat(cover).containsPattern("To _{10,} \\(self-pay: no payer\\)").doesNotContain("To " + payerName);
        assertThat(letter).doesNotContain("To:", payerName).contains("Re: Dana Reyes, date of birth 1979-03-14.");

        List<String> insured = PdfChecks.pageTexts(FIX.packet(PacketFixtures.sample("01-complete-esketamine"), false,
                List.of()).bytes());
        assertThat(insured.get(0)).contains("To Example Health Plan");
        assertThat(String.join("\n", insured)).contains("To: Utilization Management Reviewer, Example Health Plan");
    }

    /**
     * A self-pay case has no payer, and its request page already leaves out the member ID and group; but its
     * "Payer" row still named whatever the payer field held: an insurer's name typed before the plan was set to
     * self-pay ("Payer Example Health Plan" above "Plan self-pay"), or "not documented", as if a fact were
     * missing. Left out too, as the estimate leaves it out; the plan says "self-pay".
     */
    @ParameterizedTest(name = "payer name \"{0}\"")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Example Health Plan", ""})
    void aSelfPayPacketsRequestPageNamesNoPayer(String payerName) throws Exception {
        ObjectNode c = Samples.tree("03-self-pay-ketamine");
        if (payerName.isEmpty()) {
            ((ObjectNode) c.get("coverage")).remove("payerName");
        } else {
            ((ObjectNode) c.get("coverage")).put("payerName", payerName);
        }
        String request = PdfChecks.pageTexts(FIX.packet(parse(c), false, List.of()).bytes()).stream()
                .filter(p -> p.contains("Payer policy")).findFirst().orElseThrow();

        assertThat(request).doesNotContainPattern("(?m)^Payer (?!policy)").doesNotContain("Example Health Plan");
        assertThat(String.join("\n", PdfChecks.pageTexts(FIX.packet(PacketFixtures.sample("01-complete-esketamine"),
                false, List.of()).bytes()))).as("an insured packet's request").contains("Payer Example Health Plan");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "U+{0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {0x0, 0x7, 0x1B, 0xFFFE, 0xFFFF})
    void aCharacterXmlForbidsInStoredTextNeitherBreaksNorShowsInThePacket(int bad) throws Exception {
        String c = new String(Character.toChars(bad));
        CaseData data = PacketFixtures.sample("01-complete-esketamine");
        RenderedPdf pdf = FIX.packet(data, false, List.of(
                new PacketAssembler.Enclosure("Progress" + c + " notes", 0, () -> TestPdfs.notes(1, "NOTE"))));

        String text = String.join("\n", PdfChecks.pageTexts(pdf.bytes()));
        assertThat(text).contains("Progress notes").doesNotContain(c);
    }

    @Test
    void coverStatesTheTruePageCountIncludingAttachments() throws Exception {
        CaseData data = PacketFixtures.sample("01-complete-esketamine");
        RenderedPdf pdf = FIX.packet(data, false, List.of(
                new PacketAssembler.Enclosure("Progress notes", 0, () -> TestPdfs.notes(3, "NOTE")),
                new PacketAssembler.Enclosure("Discharge summary", 0, () -> TestPdfs.notes(2, "DISCHARGE"))));
        List<String> pages = PdfChecks.pageTextsByPosition(pdf.bytes());
        String cover = pages.get(0).replaceAll("[\\s\\u00A0]+", " ");

        assertThat(cover).containsPattern("Number of pages\\s*" + pages.size() + "\\b");
        assertThat(pages.get(pages.size() - 5)).contains("NOTE-1");
        assertThat(pages.get(pages.size() - 1)).contains("DISCHARGE-2");
    }

    @Test
    void attachmentsAreMergedPageForPageWithHeadersAndOneBookmarkEach() throws Exception {
        CaseData data = PacketFixtures.sample("01-complete-esketamine");
        RenderedPdf without = FIX.packet(data, false, List.of());
        RenderedPdf with = FIX.packet(data, false, List.of(
                new PacketAssembler.Enclosure("Progress notes", 0, () -> TestPdfs.notes(3, "NOTE"))));

        assertThat(with.pages()).isEqualTo(without.pages() + 3);
        List<String> pages = PdfChecks.pageTexts(with.bytes());
        for (int i = without.pages(); i < with.pages(); i++) {
            assertThat(pages.get(i)).contains("NOTE-" + (i - without.pages() + 1), "Reyes", "XJH123456789",
                    "Page " + (i + 1) + " of " + with.pages());
        }
        assertThat(bookmarks(with.bytes())).containsExactly("Fax cover sheet", "Prior authorization request",
                "Criteria checklist", "Letter of Medical Necessity", "Treatment history", "Severity evidence",
                "Progress notes");
    }

    @Test
    void backgroundArtifactsAreWrittenInsideTheirPagesNotAsObjectsOfTheirOwn() throws Exception {
        RenderedPdf pdf = FIX.packet(PacketFixtures.sample("01-complete-esketamine"), false, List.of());
        int inline = 0;
        int indirect = 0;
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            for (var page : doc.getPages()) {
                var properties = page.getResources().getCOSObject()
                        .getCOSDictionary(org.apache.pdfbox.cos.COSName.PROPERTIES);
                for (var key : properties == null ? java.util.Set.<org.apache.pdfbox.cos.COSName>of() : properties.keySet()) {
                    var raw = properties.getItem(key); // not followed: a reference stays a reference
                    var dict = (org.apache.pdfbox.cos.COSDictionary) properties.getDictionaryObject(key);
                    if (org.apache.pdfbox.cos.COSName.BACKGROUND.equals(dict.getCOSName(org.apache.pdfbox.cos.COSName.TYPE))) {
                        if (raw instanceof org.apache.pdfbox.cos.COSObject) {
                            indirect++;
                        } else {
                            inline++;
                        }
                    }
                }
            }
        }
        assertThat(inline).as("background artifacts written inside their pages").isGreaterThan(100);
        assertThat(indirect).as("background artifacts written as objects of their own").isZero();
    }

    @Test
    void packetIsPdfA2bAndTaggedForAccessibility() throws Exception {
        RenderedPdf pdf = FIX.packet(PacketFixtures.sample("01-complete-esketamine"), false, List.of());
        assertThat(PdfChecks.veraPdfFailures(pdf.bytes(), "2b")).isEmpty();
        assertThat(PdfChecks.veraPdfFailures(pdf.bytes(), "ua1")).isEmpty();
    }

    @Test
    void metadataNamesThePolicyAndTemplateVersions() throws Exception {
        RenderedPdf pdf = FIX.packet(PacketFixtures.sample("01-complete-esketamine"), false, List.of());
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            PDDocumentInformation info = doc.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Prior authorization request");
            assertThat(info.getSubject()).contains("esketamine-standard", "2026.1");
            assertThat(info.getKeywords()).contains("esketamine-standard", "2026.1");
            assertThat(info.getCustomMetadataValue("policy-id")).isEqualTo("esketamine-standard");
            assertThat(info.getCustomMetadataValue("template-version")).isEqualTo(pdf.templateVersion()).startsWith("packet ");
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).contains("Prior authorization request", "pdfaid:part");
            assertThat(doc.getDocumentCatalog().getCOSObject().toString()).doesNotContain("JavaScript");
        }
    }

    @Test
    void exceptionLetterSaysClinicalExceptionAndNamesEachUnmetCriterion() throws Exception {
        CaseData data = PacketFixtures.sample("02-one-failed-trial");
        List<CriterionResult> unmet = FIX.completeness.check(data).unmetCriteria();
        RenderedPdf pdf = FIX.packet(data, true, List.of());
        String text = String.join("\n", PdfChecks.pageTexts(pdf.bytes())).replaceAll("\\s+", " ");

        assertThat(unmet).extracting(CriterionResult::label).contains("Failed antidepressant trials");
        assertThat(text).containsIgnoringCase("clinical exception");
        String letter = text.substring(text.indexOf("Letter of Medical Necessity Date") > 0
                ? text.indexOf("Letter of Medical Necessity Date") : text.lastIndexOf("Letter of Medical Necessity"));
        for (CriterionResult c : unmet) {
            assertThat(letter).contains(c.label());
        }
    }

    @Test
    void reauthorizationLetterStatesTheResponseSinceBaseline() throws Exception {
        RenderedPdf pdf = FIX.packet(reauthorization(), false, List.of());
        String text = String.join("\n", PdfChecks.pageTexts(pdf.bytes())).replaceAll("\\s+", " ");
        assertThat(text).contains("reauthorization", "went from 22 on 2026-06-01 to 8 on 2026-11-10",
                "improvement of 63.6 %");
    }

    static List<String> bookmarks(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> titles = new ArrayList<>();
            for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
                titles.add(item.getTitle());
            }
            return titles;
        }
    }

    static Stream<Arguments> unusualNames() {
        String word = "A".repeat(200);
        String spaced = ("Reyes Montoya ".repeat(15)).substring(0, 200).strip();
        return Stream.of(
                Arguments.of("emoji", "Dana", "Reyes\uD83D\uDE00\uD83E\uDDE0", "Reyes", "XJH123456789"),
                Arguments.of("mathematical letters", "\uD835\uDD18nicode", "Ng", "Ng", "XJH123456789"),
                Arguments.of("one 200-character word", word, word, word, "M".repeat(200)),
                Arguments.of("200 characters with spaces", spaced, spaced, spaced, "ID " + "9".repeat(190)),
                Arguments.of("right-to-left override", "\u202Eevil", "Zo\u00EB \u5F20\u4F1F", "Zo\u00EB", "XJH1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusualNames")
    void packetHeaderKeepsAnyValidNameWholeOnEveryPage(String label, String first, String last, String shown,
                                                       String memberId) throws Exception {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("patient")).put("firstName", first).put("lastName", last).put("memberId", memberId);

        RenderedPdf pdf = FIX.packet(parse(c), false, List.of());

        List<String> pages = PdfChecks.pageTextsInsidePage(pdf.bytes());
        assertThat(pages).hasSize(pdf.pages());
        for (int i = 0; i < pages.size(); i++) {
            String text = pages.get(i).replaceAll("\\s+", " ");
            assertThat(text).as("page %d", i + 1)
                    .containsPattern("Page " + (i + 1) + " of " + pages.size() + "\\b")
                    .contains(shown.replaceAll("\\s+", " "))
                    .contains(memberId);
        }
    }

    /**
     * A PDF draws glyphs left to right; a Hebrew or Arabic name given in typing order came out backwards,
     * in the running header and in the body alike (audit s20, packets read back with pdftotext). PDFBox's
     * text extraction, like a payer's, reads right-to-left runs back from the right: the name must come
     * back as typed, and never reversed.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "Hebrew | \u05D3\u05E0\u05D4 | \u05DB\u05D4\u05DF",
        "Arabic | \u0645\u062D\u0645\u062F | \u0641\u0627\u0637\u0645\u0629",
        "Hebrew family names, Latin given name | Dana | \u05DC\u05D5\u05D9 \u05DB\u05D4\u05DF"})
    void rightToLeftNamesReadInTheirOwnOrderInTheHeaderAndTheBody(String script, String first, String last)
            throws Exception {
        RenderedPdf pdf = packetNaming(first, last);

        String reversed = new StringBuilder(last).reverse().toString();
        assertThat(PdfChecks.pageTexts(pdf.bytes())).allSatisfy(page -> assertThat(page).doesNotContain(reversed));
    }

    /** A packet for the patient {@code first last}, whose name must read as typed in every page's header and the cover's title. */
    private static RenderedPdf packetNaming(String first, String last) throws Exception {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("patient")).put("firstName", first).put("lastName", last);

        RenderedPdf pdf = FIX.packet(parse(c), false, List.of());

        List<String> pages = PdfChecks.pageTexts(pdf.bytes());
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i)).as("page %d header", i + 1)
                    .containsPattern("Patient:\\s+" + Pattern.quote(first + " " + last));
        }
        assertThat(pages.get(0)).as("the cover's title, laid out by the body's renderer")
                .contains("Prior authorization request for " + first + " " + last);
        return pdf;
    }

    /**
     * DejaVu Sans has no Chinese, Japanese or Korean characters: such a name printed as "???" in the
     * running header and "###" in the body (audit s20). The fallback font draws them, in both places.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "Chinese | \u4F1F | \u5F20",
        "Japanese | \u592A\u90CE | \u5C71\u7530",
        "Korean | \uBBFC\uC900 | \uAE40",
        "Latin given name, Chinese family name | Dana | Zo\u00EB \u5F20"})
    void chineseJapaneseAndKoreanNamesPrintInTheHeaderAndTheBody(String script, String first, String last)
            throws Exception {
        RenderedPdf pdf = packetNaming(first, last);

        assertThat(String.join("\n", PdfChecks.pageTexts(pdf.bytes()))).doesNotContain("###").doesNotContain("??");
        assertThat(PdfChecks.veraPdfFailures(pdf.bytes(), "2b")).isEmpty();
        assertThat(PdfChecks.veraPdfFailures(pdf.bytes(), "ua1")).isEmpty();
    }

    @Test
    void aPacketWithOnlyLatinTextEmbedsNoFallbackFont() throws Exception {
        RenderedPdf pdf = FIX.packet(PacketFixtures.sample("01-complete-esketamine"), false, List.of());
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            List<String> fonts = new ArrayList<>();
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name).getName());
                }
            }
            assertThat(fonts).isNotEmpty().noneMatch(f -> f.contains("Droid"));
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @org.junit.jupiter.params.provider.CsvSource({"144, 216", "72, 72", "30, 30", "2000, 300"})
    void narrowOrTinyAttachmentPagesStillCarryHeaderAndPageXofYInsideThePage(float width, float height)
            throws Exception {
        byte[] narrow;
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(TestPdfs.notes(2, "RECEIPT"))) {
            for (var page : doc.getPages()) {
                page.setMediaBox(new org.apache.pdfbox.pdmodel.common.PDRectangle(width, height));
            }
            narrow = TestPdfs.bytes(doc);
        }
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("patient")).put("lastName", "Reyes de la Cruz y Villanueva");
        CaseData data = parse(c);

        RenderedPdf pdf = FIX.packet(data, false, List.of(new PacketAssembler.Enclosure("Receipt", 0, () -> narrow)));

        List<String> pages = PdfChecks.pageTextsInsidePage(pdf.bytes());
        int total = pages.size();
        for (int i = total - 2; i < total; i++) {
            String text = pages.get(i).replaceAll("\\s+", " ");
            assertThat(text).as("page %d", i + 1)
                    .containsPattern("Page " + (i + 1) + " of " + total + "\\b")
                    .contains(data.patient().memberId());
        }
        // a page too narrow for the margins once drew the header with a negative font size: mirrored
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.bytes())) {
            List<Float> scales = new ArrayList<>();
            var stripper = new org.apache.pdfbox.text.PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> glyphs) {
                    glyphs.forEach(g -> scales.add(g.getTextMatrix().getValue(0, 0)));
                }
            };
            stripper.setStartPage(total - 1);
            stripper.getText(doc);
            assertThat(scales).isNotEmpty().allSatisfy(scale -> assertThat(scale).isPositive());
        }
    }

    @Test
    void longUnbrokenWordsInTheBodyStayOnThePage() throws Exception {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("prescriber")).put("name", "P".repeat(200));
        ((ObjectNode) c.get("facility")).put("address", "A".repeat(200));
        ((ObjectNode) c.get("medicationTrials").get(0)).put("drug", "x".repeat(200));
        ((ObjectNode) c.get("medicationTrials").get(1)).put("drug", "desvenlafaxine-extended-r");
        ((ObjectNode) c.get("request").get("lines").get(0)).put("code", "C".repeat(60)).put("description", "D".repeat(200));
        ((tools.jackson.databind.node.ArrayNode) c.get("request").get("lines")).addObject().put("code", "ABCDEFGHIJKLMNOP")
                .put("description", "E".repeat(200)).put("unitsPerSession", 1).put("chargePerUnit", 1);

        RenderedPdf pdf = FIX.packet(parse(c), true, List.of());

        // pdftotext, as payers read the packet, drops whatever lies outside the page
        String all = String.join("", PdfChecks.pageTexts(pdf.bytes())).replaceAll("\\s+", "");
        String inside = String.join("", PdfChecks.pageTextsInsidePage(pdf.bytes())).replaceAll("\\s+", "");
        assertThat(inside).isEqualTo(all);
        // a code or drug of a realistic length stays whole beside text that must break
        assertThat(String.join(" ", PdfChecks.pageTexts(pdf.bytes()))).contains("ABCDEFGHIJKLMNOP", "desvenlafaxine-extended-r");
    }

    /**
     * A billing line's 200-character description made its row too tall for what was left of the request page:
     * the row moved to the next page and left the service-code table's header (and the "Service codes" heading
     * above it) alone at the foot. The facility's name moves the table down the page line by line, so some
     * length puts its start at the foot whatever the fonts.
     */
    @Test
    void theServiceCodeTableHeaderAndHeadingNeverEndAPageWithoutTheFirstLine() throws Exception {
        List<String> orphaned = new ArrayList<>();
        for (int length = 1; length <= 200; length += 12) {
            ObjectNode c = Samples.tree("01-complete-esketamine");
            ((ObjectNode) c.get("prescriber")).put("name", words(200));
            ((ObjectNode) c.get("facility")).put("name", words(length)).put("address", words(200));
            ((ObjectNode) c.get("request").get("lines").get(0)).put("description", words(200));

            byte[] pdf = FIX.packet(parse(c), false, List.of()).bytes();

            // the running header and "Page X of Y" are stamped in the top 24 mm and the bottom 18 mm
            for (String last : List.of("Code Description Units per session Total units", "Service codes")) {
                for (int page : PdfChecks.pagesEndingWith(pdf, 68, 51, last)) {
                    orphaned.add("facility name of " + length + ": page " + page + " ends with " + last);
                }
            }
        }
        assertThat(orphaned).isEmpty();
    }

    /**
     * Below a long monotherapy table, the augmentation and psychotherapy tables start anywhere on the history
     * page: no page may end with one's heading or header without its first trial or course. Each trial with a
     * long drug name takes a few lines, and the count and the name's length move the next table down.
     */
    @Test
    void noTreatmentHistoryTableHeaderOrHeadingEndsAPageWithoutItsFirstRow() throws Exception {
        List<String> orphaned = new ArrayList<>();
        for (int trials = 8; trials <= 20; trials += 4) {
            for (int length = 10; length <= 100; length += 18) {
                ObjectNode c = Samples.tree("01-complete-esketamine");
                var list = c.putArray("medicationTrials");
                for (int i = 0; i < trials; i++) {
                    list.addObject().put("drug", "sertraline " + words(i == trials - 1 ? length : 100))
                            .put("drugClass", "SSRI").put("role", i % 3 == 2 ? "AUGMENTATION" : "MONOTHERAPY")
                            .put("dailyDoseMg", 200).put("startDate", "2024-0" + (1 + i % 9) + "-01")
                            .put("endDate", "2024-1" + (i % 3) + "-15").put("outcome", "INADEQUATE_RESPONSE")
                            .put("improvementPct", 10).put("adherencePct", 90);
                }

                byte[] pdf = FIX.packet(parse(c), false, List.of()).bytes();

                for (String last : List.of("Drug Class Daily dose Start End Weeks Adherence Outcome Improvement",
                        "Modality Start End Weeks Sessions", "Augmentation trials", "Psychotherapy")) {
                    for (int page : PdfChecks.pagesEndingWith(pdf, 68, 51, last)) {
                        orphaned.add(trials + " trials, the last named in " + length + " characters: page " + page
                                + " ends with " + last);
                    }
                }
            }
        }
        assertThat(orphaned).isEmpty();
    }

    /**
     * A case with many trials: the checklist's table (one evidence line per trial) and the treatment history's
     * trial table run over several pages.
     */
    static CaseData manyTrials(int count) {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        var list = c.putArray("medicationTrials");
        for (int i = 0; i < count; i++) {
            list.addObject().put("drug", "trialdrug" + i).put("drugClass", "SSRI").put("role", "MONOTHERAPY")
                    .put("dailyDoseMg", 200).put("startDate", "2025-0" + (1 + i % 9) + "-01")
                    .put("endDate", "2025-1" + (i % 3) + "-15").put("outcome", "INADEQUATE_RESPONSE")
                    .put("improvementPct", 10).put("adherencePct", 90);
        }
        return parse(c);
    }

    /**
     * The packet's tables did not repeat their header row on a new page: the checklist's and the trial table's
     * continuation pages were columns of dates, percentages and "Met" with nothing naming them, and a reviewer
     * paging through 60 trials had to turn back to tell "Start" from "End" or "Adherence" from "Improvement".
     * Each page a table continues on starts with its header row.
     */
    @Test
    void aTableContinuedOnTheNextPageRepeatsItsHeaderRowThere() throws Exception {
        List<String> pages = PdfChecks.pageTexts(FIX.packet(manyTrials(60), false, List.of()).bytes()).stream()
                .map(p -> p.replaceAll("\\s+", " ")).toList();

        List<String> unnamed = new ArrayList<>();
        int checklistPages = 0;
        int trialPages = 0;
        for (int i = 0; i < pages.size(); i++) {
            String page = pages.get(i);
            if (page.matches(".*trialdrug\\d+ 200 mg/day, 2025-.*")) { // a checklist evidence line
                checklistPages++;
                if (!page.contains("Criterion Status Finding Evidence")) {
                    unnamed.add("page " + (i + 1) + ": checklist rows without their header");
                }
            }
            if (page.matches(".*trialdrug\\d+ SSRI 200 mg/day.*")) { // a row of the trial table
                trialPages++;
                if (!page.contains("Drug Class Daily dose Start End Weeks Adherence Outcome Improvement")) {
                    unnamed.add("page " + (i + 1) + ": trial rows without their header");
                }
            }
        }
        assertThat(checklistPages).as("pages the checklist spans").isGreaterThan(1);
        assertThat(trialPages).as("pages the trial table spans").isGreaterThan(1);
        assertThat(unnamed).isEmpty();
    }

    /** {@code length} characters of words, as a long name or description is typed. */
    static String words(int length) {
        return "Lorem ipsum dolor sit amet consectetur adipiscing elit ".repeat(5).substring(0, length).strip();
    }
}

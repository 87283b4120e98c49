package dev.authpack.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.rendering.PdfChecks;
import dev.authpack.rendering.TaggedPdf;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.PinnedClock;
import dev.authpack.support.PinnedClockServiceTest;
import dev.authpack.support.Samples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The appeal packet over real HTTP, read back page by page with PDFBox and checked by veraPDF. */
@PinnedClockServiceTest
class AppealPacketApiTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    static final String REASON = "Documentation does not show two failed antidepressant trials of adequate duration;"
            + " no recent PHQ-9 score was provided.";

    @LocalServerPort
    int port;
    @Autowired
    PinnedClock clock;
    LifecycleHttp http;

    @BeforeEach
    void setUp() {
        clock.today(DAY);
        http = new LifecycleHttp(new ApiClient(port));
    }

    @Test
    void letterQuotesTheDenialAnswersEachCriterionWithPagesAndEnclosesThePacket() throws Exception {
        String id = http.caseWithPacket();
        JsonNode packet = http.api().get("/api/v1/cases/" + id + "/documents", LifecycleHttp.BILLING).json().get(0);
        http.ok(id, LifecycleHttp.submitted(DAY.minusDays(3)));
        http.ok(id, LifecycleHttp.denied(DAY.minusDays(1), REASON));

        Response created = http.api().post("/api/v1/cases/" + id + "/appeal-packet", LifecycleHttp.BILLING, new byte[0], null);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode doc = created.json();
        assertThat(doc.get("kind").asString()).isEqualTo("APPEAL_PACKET");
        byte[] pdf = download(doc.get("id").asString());
        byte[] packetPdf = download(packet.get("id").asString());
        List<String> pages = PdfChecks.pageTexts(pdf);
        List<String> packetPages = PdfChecks.pageTexts(packetPdf);
        int total = pages.size();
        int letterPages = total - packetPages.size();
        assertThat(doc.get("pages").asInt()).isEqualTo(total);
        assertThat(letterPages).isGreaterThanOrEqualTo(1);
        String letter = String.join("\n", pages.subList(0, letterPages)).replaceAll("\\s+", " ");
        assertThat(letter).contains("Request for Reconsideration", "Dana Reyes", "2026-11-19", "using the patient's record",
                "Documentation does not show two failed antidepressant trials of adequate duration",
                "The criteria your notice refers to", "Failed antidepressant trials", "Severity score",
                "The other criteria of the policy", "REMS-certified setting",
                "pages " + (letterPages + 1) + " to " + total,
                "within the appeal period, which ends on " + DAY.minusDays(1).plusDays(180));
        for (int i = 0; i < total; i++) {
            assertThat(pages.get(i)).as("page %d", i + 1)
                    .contains("Page " + (i + 1) + " of " + total, "Dana Reyes", "1979-03-14", "XJH123456789");
        }
        for (int i = 0; i < packetPages.size(); i++) {
            String enclosed = pages.get(letterPages + i);
            assertThat(enclosed).as("enclosed page %d keeps one numbering", i + 1)
                    .doesNotContain("Page " + (i + 1) + " of " + packetPages.size() + "\n");
        }
        int history = sectionPage(pdf, "Treatment history");
        assertThat(pages.get(history - 1)).contains("sertraline");
        assertThat(letter).containsPattern("Failed antidepressant trials Met .*?\\b" + history + "\\b");
        assertThat(PdfChecks.veraPdfFailures(pdf, "2b")).isEmpty();
    }

    /**
     * The enclosed packet's pages were imported without their structure tree: their text was tagged but owned by
     * no element, so a screen reader or a payer's tagged-text extraction read the letter and nothing of the
     * packet, and the appeal packet failed PDF/UA-1 (7.1-3). Its sections now follow the letter in the tags.
     */
    @Test
    void theTagsReadTheLetterThenEverySectionOfTheEnclosedPacket() throws Exception {
        String id = http.caseWithPacket();
        http.ok(id, LifecycleHttp.submitted(DAY.minusDays(3)));
        http.ok(id, LifecycleHttp.denied(DAY.minusDays(1), REASON));
        Response created = http.api().post("/api/v1/cases/" + id + "/appeal-packet", LifecycleHttp.BILLING, new byte[0], null);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        byte[] pdf = download(created.json().get("id").asString());

        TaggedPdf tags = TaggedPdf.read(pdf);

        assertThat(tags.unreachableText()).isEmpty();
        assertThat(tags.ofType("H1").stream().map(TaggedPdf.Element::text)).containsExactly(
                "Request for Reconsideration of a Prior Authorization Denial", "Fax cover sheet",
                "Prior authorization request", "Criteria checklist", "Letter of Medical Necessity", "Treatment history",
                "Severity evidence");
        assertThat(tags.ofType("TD").stream().map(TaggedPdf.Element::text)).contains("sertraline");
        // letter and packet as one document (merged, retagged, stamped): each word read as it is printed
        assertThat(tags.wordsRunTogether()).isEmpty();
        assertThat(PdfChecks.veraPdfFailures(pdf, "ua1")).isEmpty();
        assertThat(PdfChecks.veraPdfFailures(pdf, "2b")).isEmpty();
    }

    /**
     * The packet documents the indication on its request page ("Indication") and in the letter of medical necessity,
     * and the oral antidepressant alongside in the letter; the appeal pointed a reviewer who denied both as "not
     * documented" at the checklist alone, never at the pages where the prescriber documents them.
     */
    @Test
    void anIndicationDeniedAsUndocumentedIsAnsweredWithTheRequestAndLetterPagesThatDocumentIt() throws Exception {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        c.put("policyId", "cigna-spravato");
        ObjectNode request = (ObjectNode) c.get("request");
        request.put("indication", "MDSI");
        request.putObject("concurrentAntidepressant").put("drug", "escitalopram").put("drugClass", "SSRI")
                .put("dailyDoseMg", 10).put("startDate", "2026-10-01");
        ((ObjectNode) c.get("screening")).put("acuteSuicidality", true);
        c.putArray("medicationTrials");
        String id = deniedWithPacket(c,
                "Indication not covered: acute suicidality and the oral antidepressant alongside are not documented.");

        Response appeal = http.api().post("/api/v1/cases/" + id + "/appeal-packet", LifecycleHttp.BILLING, new byte[0], null);

        assertThat(appeal.status()).as(appeal.text()).isEqualTo(201);
        byte[] pdf = download(appeal.json().get("id").asString());
        String text = String.join("\n", PdfChecks.pageTexts(pdf)).replaceAll("\\s+", " ");
        int requestPage = sectionPage(pdf, "Prior authorization request");
        int checklist = sectionPage(pdf, "Criteria checklist");
        int letter = sectionPage(pdf, "Letter of Medical Necessity");
        int letterEnd = sectionPage(pdf, "Treatment history") - 1;
        List<String> pages = PdfChecks.pageTexts(pdf);
        assertThat(pages.get(requestPage - 1)).contains("Indication", "acute suicidal ideation");
        assertThat(String.join("\n", pages.subList(letter - 1, letterEnd))).contains("acute suicidal ideation", "escitalopram");
        String named = text.substring(text.indexOf("The criteria your notice refers to"),
                text.indexOf("The other criteria of the policy"));
        String indication = named.substring(named.indexOf("Covered indication"), named.indexOf("Oral antidepressant"));
        String concurrent = named.substring(named.indexOf("Oral antidepressant"));
        // request, checklist and letter follow one another in the packet: one range from the first to the last
        assertThat(requestPage).isLessThan(checklist);
        assertThat(checklist).isLessThan(letter);
        assertThat(indication).contains(requestPage + "\u2013" + letterEnd);
        assertThat(concurrent).contains(checklist + "\u2013" + letterEnd);
    }

    /**
     * The letter of medical necessity lists every augmentation trial as it lists the monotherapy trials (drug, dose,
     * dates, weeks, outcome), and failed trials point at it; augmentation pointed at the history table alone.
     */
    @Test
    void augmentationPointsAtTheLetterThatListsTheAugmentationTrialsAsFailedTrialsDo() throws Exception {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        c.put("policyId", "esketamine-augmented");
        ((ArrayNode) c.get("medicationTrials")).addObject().put("drug", "aripiprazole")
                .put("drugClass", "ATYPICAL_ANTIPSYCHOTIC").put("role", "AUGMENTATION").put("dailyDoseMg", 5)
                .put("startDate", "2025-08-01").put("endDate", "2025-10-15").put("outcome", "INADEQUATE_RESPONSE")
                .put("improvementPct", 5).put("adherencePct", 90);
        c.putArray("psychotherapy");
        String id = deniedWithPacket(c, "No adequate augmentation trial is documented.");

        Response appeal = http.api().post("/api/v1/cases/" + id + "/appeal-packet", LifecycleHttp.BILLING, new byte[0], null);

        assertThat(appeal.status()).as(appeal.text()).isEqualTo(201);
        byte[] pdf = download(appeal.json().get("id").asString());
        List<String> pages = PdfChecks.pageTexts(pdf);
        String text = String.join("\n", pages).replaceAll("\\s+", " ");
        int checklist = sectionPage(pdf, "Criteria checklist");
        int letter = sectionPage(pdf, "Letter of Medical Necessity");
        int history = sectionPage(pdf, "Treatment history");
        int historyEnd = sectionPage(pdf, "Severity evidence") - 1;
        assertThat(String.join("\n", pages.subList(letter - 1, history - 1))).contains("Augmentation", "aripiprazole");
        String named = text.substring(text.indexOf("The criteria your notice refers to"),
                text.indexOf("The other criteria of the policy"));
        // checklist, letter and history follow one another in the packet: one range from the first to the last
        assertThat(named.substring(named.indexOf("Augmentation or psychotherapy"))).contains(checklist + "\u2013" + historyEnd);
    }

    @Test
    void onlyADeniedOrAppealedCaseHasAnAppealPacket() {
        String id = http.caseWithPacket();
        Response refused = http.api().post("/api/v1/cases/" + id + "/appeal-packet", LifecycleHttp.BILLING, new byte[0], null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("authStatus").asString()).isEqualTo("NOT_SUBMITTED");
        assertThat(refused.json().get("status").asInt()).isEqualTo(409);
        http.ok(id, LifecycleHttp.submitted(DAY.minusDays(3)));
        http.ok(id, LifecycleHttp.denied(DAY.minusDays(2), "Not medically necessary."));
        http.ok(id, LifecycleHttp.appealed(DAY.minusDays(1)));
        Response appealed = http.api().post("/api/v1/cases/" + id + "/appeal-packet", LifecycleHttp.BILLING, new byte[0], null);
        assertThat(appealed.status()).as(appealed.text()).isEqualTo(201);
        assertThat(http.api().post("/api/v1/cases/" + id + "/appeal-packet", LifecycleHttp.CLINIC, new byte[0], null)
                .status()).isEqualTo(403);
        assertThat(http.api().post("/api/v1/cases/" + id + "/appeal-packet", LifecycleHttp.SOUTH, new byte[0], null)
                .status()).isEqualTo(404);
    }

    @Test
    void aLetterWrittenAfterTheDeadlineNeverClaimsTheAppealIsOnTime() throws Exception {
        String late = http.caseWithPacket();
        http.ok(late, LifecycleHttp.submitted(DAY.minusDays(210)));
        http.ok(late, LifecycleHttp.denied(DAY.minusDays(200), "Not medically necessary."));
        String appealedInTime = http.caseWithPacket();
        http.ok(appealedInTime, LifecycleHttp.submitted(DAY.minusDays(210)));
        http.ok(appealedInTime, LifecycleHttp.denied(DAY.minusDays(200), "Not medically necessary."));
        http.ok(appealedInTime, LifecycleHttp.appealed(DAY.minusDays(25)));

        assertThat(letterOf(late)).contains("Not medically necessary").doesNotContain("appeal period");
        assertThat(letterOf(appealedInTime))
                .contains("within the appeal period, which ends on " + DAY.minusDays(200).plusDays(180));
    }

    @Test
    void theEnclosedPacketIsSaidToBeGeneratedOnTheDateItsOwnPagesPrintInTheServicesZone() throws Exception {
        // 7.30 pm in Chicago on DAY is 01:30 UTC the next day: the packet prints DAY, its timestamp the next day
        clock.at(DAY.plusDays(1).atTime(1, 30).toInstant(java.time.ZoneOffset.UTC), ZoneId.of("America/Chicago"));
        String id = http.caseWithPacket();
        JsonNode packet = http.api().get("/api/v1/cases/" + id + "/documents", LifecycleHttp.BILLING).json().get(0);
        assertThat(Instant.parse(packet.get("createdAt").asString()))
                .isEqualTo(DAY.plusDays(1).atTime(1, 30).toInstant(java.time.ZoneOffset.UTC));
        assertThat(String.join("\n", PdfChecks.pageTexts(download(packet.get("id").asString()))))
                .contains(DAY.toString()).doesNotContain(DAY.plusDays(1).toString());
        http.ok(id, LifecycleHttp.submitted(DAY.minusDays(3)));
        http.ok(id, LifecycleHttp.denied(DAY.minusDays(1), "Not medically necessary."));

        String letter = letterOf(id);

        assertThat(letter).contains("packet generated on " + DAY + ",").doesNotContain(DAY.plusDays(1).toString());
    }

    private String letterOf(String caseId) throws Exception {
        Response created = http.api().post("/api/v1/cases/" + caseId + "/appeal-packet", LifecycleHttp.BILLING,
                new byte[0], null);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return String.join("\n", PdfChecks.pageTexts(download(created.json().get("id").asString())))
                .replaceAll("\\s+", " ");
    }

    /** The appeal page (1-based) a bookmark of the enclosed packet points to. */
    private static int sectionPage(byte[] pdf, String title) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDOutlineItem top : doc.getDocumentCatalog().getDocumentOutline().children()) {
                for (PDOutlineItem child : top.children()) {
                    if (child.getTitle().equals(title)) {
                        return doc.getPages().indexOf(child.findDestinationPage(doc)) + 1;
                    }
                }
            }
        }
        throw new AssertionError("no bookmark " + title);
    }

    private byte[] download(String documentId) throws Exception {
        String token = Base64.getEncoder().encodeToString(("north.billing:" + ApiClient.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/documents/"
                + documentId)).header("Authorization", "Basic " + token).GET().build();
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** {@code c} created, its packet generated, submitted three days ago and denied yesterday for {@code reason}. */
    private String deniedWithPacket(ObjectNode c, String reason) {
        Response created = http.api().post("/api/v1/cases", LifecycleHttp.BILLING, Samples.json(c));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asString();
        Response packet = http.api().post("/api/v1/cases/" + id + "/packet", LifecycleHttp.BILLING, new byte[0], null);
        assertThat(packet.status()).as(packet.text()).isEqualTo(201);
        http.ok(id, LifecycleHttp.submitted(DAY.minusDays(3)));
        http.ok(id, LifecycleHttp.denied(DAY.minusDays(1), reason));
        return id;
    }
}

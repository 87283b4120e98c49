package dev.authpack.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.PdfChecks;
import dev.authpack.rendering.PdfRenderer;
import dev.authpack.rendering.TestPdfs;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Packets and documents over real HTTP, as a clinic's script uses them. */
@SharedServiceTest
class PacketApiTest {

    static final String BILLING = "north.billing";
    static final String CLINIC = "north.clinic";
    static final String SOUTH = "south.billing";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    String create(String json) {
        Response created = api.post("/api/v1/cases", BILLING, json);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    HttpResponse<byte[]> download(String documentId, String user) throws Exception {
        String token = Base64.getEncoder().encodeToString((user + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/documents/" + documentId))
                .header("Authorization", "Basic " + token).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * A packet records the drug catalog and code table that judged and described the case (its policy has a column
     * of its own), so that one made after either changed is no identical copy of it; the API does not show them.
     */
    @Test
    void aPacketRecordsTheDrugCatalogAndCodeTableVersionsItWasMadeFrom() {
        String id = create(Samples.text("01-complete-esketamine"));

        Response r = api.post("/api/v1/cases/" + id + "/packet", BILLING, new byte[0], null);

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT content_versions FROM documents WHERE id = ?", String.class,
                r.json().get("id").asString())).matches("drugs \\S+; codes \\S+");
        assertThat(r.json().has("contentVersions")).isFalse();
    }

    @Test
    void generatedPacketIsStoredListedFirstAndServedByteForByte() throws Exception {
        String id = create(Samples.text("01-complete-esketamine"));
        Response first = api.post("/api/v1/cases/" + id + "/packet", BILLING, new byte[0], null);
        Response second = api.post("/api/v1/cases/" + id + "/packet", BILLING, new byte[0], null);

        assertThat(second.status()).as(second.text()).isEqualTo(201);
        JsonNode doc = second.json();
        assertThat(second.location()).endsWith("/api/v1/documents/" + doc.get("id").asString());
        assertThat(doc.get("kind").asString()).isEqualTo("PACKET");
        assertThat(doc.get("caseId").asString()).isEqualTo(id);
        assertThat(doc.get("createdAt").asString()).isNotBlank();

        JsonNode listed = api.get("/api/v1/cases/" + id + "/documents", CLINIC).json();
        assertThat(listed.size()).isEqualTo(2);
        assertThat(listed.get(0).get("id").asString()).isEqualTo(doc.get("id").asString());
        assertThat(listed.get(1).get("id").asString()).isEqualTo(first.json().get("id").asString());

        HttpResponse<byte[]> served = download(doc.get("id").asString(), CLINIC);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(served.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
        assertThat(served.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(PdfRenderer.sha256(served.body())).isEqualTo(doc.get("sha256").asString());
        try (PDDocument pdf = Loader.loadPDF(served.body())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(doc.get("pages").asInt());
        }
    }

    @Test
    void failureHalfwayThroughLeavesNoDocumentBehind() {
        String id = create(Samples.text("01-complete-esketamine"));
        byte[] notes = TestPdfs.notes(2, "NOTES");
        String boundary = "----packet-test";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nNotes\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"n.pdf\"\r\nContent-Type: application/pdf\r\n\r\n";
        byte[] body = concat(head.getBytes(StandardCharsets.UTF_8), notes,
                ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(api.post("/api/v1/cases/" + id + "/attachments", BILLING, body,
                "multipart/form-data; boundary=" + boundary).status()).isEqualTo(201);
        // the stored upload goes bad after it was accepted (disk, restore from a broken backup...)
        jdbc.update("UPDATE attachments SET content = ? WHERE case_id = ?", new byte[] {'%', 'P', 'D', 'F'}, id);

        Response failed = api.post("/api/v1/cases/" + id + "/packet", BILLING, new byte[0], null);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/cases/" + id + "/documents", BILLING).json().size()).isZero();
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void anotherClinicSeesNeitherTheDocumentNorTheList() throws Exception {
        String id = create(Samples.text("01-complete-esketamine"));
        String documentId = api.post("/api/v1/cases/" + id + "/packet", BILLING, new byte[0], null).json()
                .get("id").asString();

        assertThat(download(documentId, SOUTH).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/cases/" + id + "/documents", SOUTH).status()).isEqualTo(404);
        assertThat(download("00000000-0000-0000-0000-000000000000", BILLING).statusCode()).isEqualTo(404);
    }

    @Test
    void clinicRoleCannotGenerate() {
        String id = create(Samples.text("01-complete-esketamine"));
        assertThat(api.post("/api/v1/cases/" + id + "/packet", CLINIC, new byte[0], null).status()).isEqualTo(403);
    }

    @Test
    void incompleteCaseAnswers422WithTheReportAndStoresNothing() {
        String id = create(Samples.text("02-one-failed-trial"));
        Response refused = api.post("/api/v1/cases/" + id + "/packet", BILLING, new byte[0], null);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode report = refused.json().get("report");
        assertThat(report.get("complete").asBoolean()).isFalse();
        assertThat(report.get("criteria").toString()).contains("FAILED_TRIALS", "NOT_MET");
        assertThat(api.get("/api/v1/cases/" + id + "/documents", BILLING).json().size()).isZero();
    }

    /**
     * Weekly scores over half a year are 26 bars. The chart drew a 30-point column for each in a row wider
     * than the page: the renderer clipped it at the margin, so the chart showed the oldest 17 scores (the
     * latest, which a reviewer looks for, were cut off) under labels that no longer stood under their bars.
     */
    @Test
    void aChartOfManyScoresDrawsTheLatestInsideThePageAndSaysSo() throws Exception {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        tools.jackson.databind.node.ArrayNode scores = c.putArray("assessments");
        java.time.LocalDate first = java.time.LocalDate.of(2026, 5, 18);
        for (int week = 0; week < 26; week++) {
            scores.addObject().put("instrument", "PHQ9").put("score", 24 - week % 5)
                    .put("date", first.plusWeeks(week).toString());
        }
        String id = create(Samples.json(c));

        Response made = api.post("/api/v1/cases/" + id + "/packet?exception=true", BILLING, new byte[0], null);

        assertThat(made.status()).as(made.text()).isEqualTo(201);
        byte[] pdf = download(made.json().get("id").asString(), BILLING).body();
        // the templates' side margins are 16 mm (45.35 pt); the stamped header starts at 45 pt
        assertThat(PdfChecks.glyphsOutside(pdf, 44f, 4f)).isEmpty();
        String text = String.join(" ", PdfChecks.pageTexts(pdf)).replaceAll("\\s+", " ");
        // the chart's labels end the packet, after its text alternative ("...; PHQ-9 24 of 27 on 2026-11-09;"):
        // one per bar, the newest score's among them, no page header or footer text counted
        String labels = text.substring(text.lastIndexOf(" of 27 on ") + " of 27 on 2026-11-09;".length())
                .replaceAll("Patient: .*? Page \\d+ of \\d+", "");
        assertThat(labels.split("PHQ-", -1)).hasSize(16 + 1);
        assertThat(labels.replace(" ", "")).contains(first.plusWeeks(25).toString())
                .doesNotContain(first.plusWeeks(9).toString());
        assertThat(text).contains("The chart shows the latest 16 of the 26 scores; the table above lists every score.");
    }

    /**
     * A soft hyphen (U+00AD, pasted from a word processor) shows only where a word breaks. The body
     * honoured that, but the running header drew the font's glyph for it, a visible hyphen, on every page:
     * "Reyes-Montoya" for the name typed "ReyesMontoya".
     */
    @Test
    void aSoftHyphenInTheNameIsNotPrintedInTheRunningHeader() throws Exception {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("patient")).put("lastName", "Reyes\u00ADMontoya");
        String id = create(Samples.json(c));

        Response made = api.post("/api/v1/cases/" + id + "/packet", BILLING, new byte[0], null);

        assertThat(made.status()).as(made.text()).isEqualTo(201);
        byte[] pdf = download(made.json().get("id").asString(), BILLING).body();
        for (String page : PdfChecks.pageTexts(pdf)) {
            assertThat(page).contains("Patient: Dana ReyesMontoya").doesNotContain("\u00AD");
        }
    }

    @Test
    void exceptionPacketForACaseThatMissesCriteria() {
        String id = create(Samples.text("02-one-failed-trial"));
        Response made = api.post("/api/v1/cases/" + id + "/packet?exception=true", BILLING, new byte[0], null);

        assertThat(made.status()).as(made.text()).isEqualTo(201);
        assertThat(made.json().get("kind").asString()).isEqualTo("EXCEPTION_PACKET");
    }

    @Test
    void exceptionPacketStillNeedsEveryRequiredField() {
        ObjectNode c = Samples.tree("02-one-failed-trial");
        ((ObjectNode) c.get("facility")).remove("npi");
        String id = create(Samples.json(c));
        Response refused = api.post("/api/v1/cases/" + id + "/packet?exception=true", BILLING, new byte[0], null);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("report").get("missing").toString()).contains("facility.npi");
    }
}

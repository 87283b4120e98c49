package dev.authpack.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.PdfChecks;
import dev.authpack.rendering.TestPdfs;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Multipart;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Opening, removing, putting back and reordering attachments over real HTTP: opening is an audited read open to
 * the clinic, removal keeps the row (who, when) and the audit line but leaves the attachment out of
 * new packets, and the packet encloses the attachments in the case's order (read back from the PDF).
 */
@SharedServiceTest
class AttachmentChangesApiTest {

    static final String BILLING = "north.billing";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient api;
    String caseId;

    @BeforeEach
    void aCase() {
        api = new ApiClient(port).checkingRequests();
        caseId = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json().get("id").asString();
    }

    String upload(String title, byte[] pdf) {
        Multipart m = Multipart.of(title, "notes.pdf", pdf);
        Response r = api.post(base(), BILLING, m.body(), m.contentType());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    String base() {
        return "/api/v1/cases/" + caseId + "/attachments";
    }

    List<String> listedTitles() {
        return StreamSupport.stream(api.get(base(), BILLING).json().spliterator(), false)
                .map(a -> a.get("title").asString()).toList();
    }

    List<String> audit(String action) {
        return jdbc.queryForList("select username || ' ' || coalesce(document_id, '-') || ' ' || outcome from audit_events "
                + "where case_id = ? and action = ? order by id", String.class, caseId, action);
    }

    @Test
    void anAttachmentOpensAsItsStoredPdfForTheClinicAndTheReadIsAudited() throws Exception {
        String id = upload("Progress notes", TestPdfs.notes(2, "OPENME"));
        String sha = api.get(base(), BILLING).json().get(0).get("sha256").asString();

        Response opened = api.get(base() + "/" + id, "north.clinic");

        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.contentType()).startsWith("application/pdf");
        assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(opened.body()))).isEqualTo(sha);
        assertThat(PdfChecks.pageTexts(opened.body()).get(1)).contains("OPENME-2");
        assertThat(audit("ATTACHMENT_OPENED")).containsExactly("north.clinic " + id + " OK");
        assertThat(api.get(base() + "/" + id, "south.billing").status()).isEqualTo(404);
        assertThat(api.get(base() + "/" + java.util.UUID.randomUUID(), BILLING).status()).isEqualTo(404);
    }

    @Test
    void removingKeepsTheRecordAndTheAuditLineButTakesItOutOfTheListAndOfNewPackets() throws Exception {
        String keep = upload("Intake assessment", TestPdfs.notes(1, "KEEPME"));
        String gone = upload("Wrong patient notes", TestPdfs.notes(2, "GONEAWAY"));

        assertThat(api.delete(base() + "/" + gone, "north.clinic").status()).isEqualTo(403);
        assertThat(api.delete(base() + "/" + gone, "south.billing").status()).isEqualTo(404);
        assertThat(api.delete(base() + "/" + gone, BILLING).status()).isEqualTo(204);

        assertThat(listedTitles()).containsExactly("Intake assessment");
        assertThat(jdbc.queryForObject("select removed_by from attachments where id = ?", String.class, gone))
                .isEqualTo(BILLING);
        assertThat(jdbc.queryForObject("select count(*) from attachments where id = ? and removed_at is not null",
                Integer.class, gone)).isEqualTo(1);
        assertThat(audit("ATTACHMENT_REMOVED")).containsExactly(BILLING + " " + gone + " OK");
        assertThat(api.get(base() + "/" + gone, BILLING).status()).as("still on record").isEqualTo(200);

        byte[] packet = packet();
        String text = String.join("\n", PdfChecks.pageTexts(packet));
        assertThat(text).contains("KEEPME-1").doesNotContain("GONEAWAY");
        assertThat(bookmarks(packet)).contains("Intake assessment").doesNotContain("Wrong patient notes");
        assertThat(keep).isNotBlank();
    }

    @Test
    void aRemovedAttachmentIsListedApartAndPutBackLastSoTheNextPacketEnclosesItAgain() throws Exception {
        String alpha = upload("Alpha notes", TestPdfs.notes(1, "ALPHAMARK"));
        upload("Bravo notes", TestPdfs.notes(1, "BRAVOMARK"));
        assertThat(api.delete(base() + "/" + alpha, BILLING).status()).isEqualTo(204);

        Response removed = api.get(base() + "/removed", "north.clinic");
        assertThat(removed.status()).as(removed.text()).isEqualTo(200);
        assertThat(removed.json().get(0).get("id").asString()).isEqualTo(alpha);
        assertThat(removed.json().get(0).get("removedBy").asString()).isEqualTo(BILLING);
        assertThat(api.get(base() + "/removed", "south.billing").status()).isEqualTo(404);

        assertThat(api.post(base() + "/" + alpha + "/restore", "north.clinic", new byte[0], null).status()).isEqualTo(403);
        assertThat(api.post(base() + "/" + alpha + "/restore", "south.billing", new byte[0], null).status()).isEqualTo(404);
        assertThat(api.post(base() + "/" + java.util.UUID.randomUUID() + "/restore", BILLING, new byte[0], null).status())
                .isEqualTo(404);
        Response restored = api.post(base() + "/" + alpha + "/restore", BILLING, new byte[0], null);

        assertThat(restored.status()).as(restored.text()).isEqualTo(200);
        assertThat(restored.json().get("title").asString()).isEqualTo("Alpha notes");
        assertThat(listedTitles()).containsExactly("Bravo notes", "Alpha notes");
        assertThat(api.get(base() + "/removed", BILLING).json().size()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from attachments where id = ? and removed_at is null "
                + "and removed_by is null", Integer.class, alpha)).isEqualTo(1);
        assertThat(audit("ATTACHMENT_RESTORED")).containsExactly(BILLING + " " + alpha + " OK");
        assertThat(api.post(base() + "/" + alpha + "/restore", BILLING, new byte[0], null).status())
                .as("putting back one in place changes nothing").isEqualTo(200);
        assertThat(listedTitles()).containsExactly("Bravo notes", "Alpha notes");

        byte[] packet = packet();
        String text = String.join("\n", PdfChecks.pageTexts(packet));
        assertThat(text.indexOf("BRAVOMARK")).isPositive().isLessThan(text.indexOf("ALPHAMARK"));
        List<String> marks = bookmarks(packet);
        assertThat(marks.subList(marks.size() - 2, marks.size())).containsExactly("Bravo notes", "Alpha notes");
    }

    @Test
    void thePacketEnclosesTheAttachmentsInTheOrderSet() throws Exception {
        String a = upload("Alpha notes", TestPdfs.notes(1, "ALPHAMARK"));
        String b = upload("Bravo notes", TestPdfs.notes(1, "BRAVOMARK"));
        String c = upload("Charlie notes", TestPdfs.notes(1, "CHARLIEMARK"));
        assertThat(listedTitles()).containsExactly("Alpha notes", "Bravo notes", "Charlie notes");

        Response r = api.put(base() + "/order", BILLING, "{\"order\":[\"" + c + "\",\"" + a + "\",\"" + b + "\"]}");

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(listedTitles()).containsExactly("Charlie notes", "Alpha notes", "Bravo notes");
        assertThat(audit("ATTACHMENTS_REORDERED")).containsExactly(BILLING + " - OK");
        byte[] packet = packet();
        String text = String.join("\n", PdfChecks.pageTexts(packet));
        assertThat(text.indexOf("CHARLIEMARK")).isPositive().isLessThan(text.indexOf("ALPHAMARK"));
        assertThat(text.indexOf("ALPHAMARK")).isLessThan(text.indexOf("BRAVOMARK"));
        List<String> marks = bookmarks(packet);
        assertThat(marks.subList(marks.size() - 3, marks.size()))
                .containsExactly("Charlie notes", "Alpha notes", "Bravo notes");
    }

    /**
     * The contract takes "application/json, application/*+json" for every JSON body, as the case, the events and the
     * clinics do; the order alone took application/json, so a client sending its JSON as a +json type got a 415.
     */
    @Test
    void anOrderSentAsAPlusJsonTypeIsReadAsJson() {
        String a = upload("One", TestPdfs.notes(1, "X"));
        String b = upload("Two", TestPdfs.notes(1, "Y"));

        // not a request-checking client: the API description names application/json alone, as for the case
        Response r = new ApiClient(port).put(base() + "/order", BILLING,
                ("{\"order\":[\"" + b + "\",\"" + a + "\"]}").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/merge-patch+json");

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(listedTitles()).containsExactly("Two", "One");
    }

    @Test
    void anOrderThatDoesNotNameEachAttachmentOnceIsA400NamingOrder() {
        String a = upload("One", TestPdfs.notes(1, "X"));
        String b = upload("Two", TestPdfs.notes(1, "Y"));
        for (String body : new String[] {"{\"order\":[\"" + a + "\"]}", "{\"order\":[\"" + a + "\",\"" + a + "\"]}",
                "{\"order\":[\"" + a + "\",\"" + java.util.UUID.randomUUID() + "\"]}", "{}", "{\"order\":\"" + a + "\"}"}) {
            Response r = api.put(base() + "/order", BILLING, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("order");
        }
        for (String[] body : new String[][] {
                {"{\"order\":[\"" + b + "\",\"not-an-id\"]}", "order[1]"},
                {"{\"order\":[\"" + b + "\",\"" + a + "\"],\"by\":\"me\"}", "by"},
                {"{\"order\":[\"" + a + "\",\"" + b + "\"],\"order\":[\"" + b + "\",\"" + a + "\"]}", "order"}}) {
            Response r = api.put(base() + "/order", BILLING, body[0]);
            assertThat(r.status()).as(body[0]).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(body[1]);
        }
        assertThat(api.put("/api/v1/cases/" + java.util.UUID.randomUUID() + "/attachments/order", BILLING, "{}").status())
                .as("an unknown case is not found before its body is judged").isEqualTo(404);
        String huge = "{\"order\":[" + ("\"" + a + "\",").repeat(30_000) + "\"" + b + "\"]}";
        assertThat(api.put(base() + "/order", BILLING, huge).status()).isEqualTo(413);
        assertThat(api.put(base() + "/order", "north.clinic", "{\"order\":[\"" + b + "\",\"" + a + "\"]}").status())
                .isEqualTo(403);
        assertThat(listedTitles()).containsExactly("One", "Two");
    }

    private byte[] packet() {
        Response made = api.post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null);
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        return api.get("/api/v1/documents/" + made.json().get("id").asString(), BILLING).body();
    }

    private static List<String> bookmarks(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> titles = new java.util.ArrayList<>();
            for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
                titles.add(item.getTitle());
            }
            return titles;
        }
    }
}

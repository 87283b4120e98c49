package dev.authpack.web;

import static dev.authpack.web.RecentDocumentsSearchTest.searchDocuments;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.document.DocumentKind;
import dev.authpack.document.DocumentStore;
import dev.authpack.document.NewDocument;
import dev.authpack.rendering.PdfRenderer;
import dev.authpack.rendering.RenderedPdf;
import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recent documents shows a packet generated again from an unchanged case as the case page does: one row, the
 * newest, with its older identical copies folded under it; pages are of rows, so a page is 50 distinct documents.
 */
@SharedServiceTest
class RecentDocumentsCopiesTest {

    /** A row's own download link (the first link of its first cell), not a folded copy's. */
    private static final Pattern ROW = Pattern.compile("<tr data-outdated=\"[a-z]+\">\\s*<td>\\s*<a href=\"/documents/([0-9a-f-]{36})\"");

    @LocalServerPort
    int port;
    @Autowired
    DocumentStore store;

    /**
     * A clinic user saw the same packet three times, one row per generation, and could not tell which to download;
     * the case page showed it once, "2 earlier identical copies" folded under it. Both now show one row, and each
     * copy is still a download.
     */
    @Test
    void aPacketGeneratedAgainFromAnUnchangedCaseIsOneRowOnRecentDocumentsAsOnTheCasePage() {
        String id = createCase("Copyrow");
        List<String> packets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ApiClient.Response made = new ApiClient(port).post("/api/v1/cases/" + id + "/packet", "north.billing", "");
            assertThat(made.status()).isEqualTo(201);
            packets.add(made.json().get("id").asString());
        }
        FormClient staff = new FormClient(port).signIn("north.clinic", "demo-pass-2026");

        String recent = searchDocuments(staff, "Copyrow");
        String casePage = staff.get("/cases/" + id).body();

        assertThat(rows(recent)).containsExactly(packets.get(2));
        assertThat(recent).contains("Documents 1 to 1 that match, newest first", "2 earlier identical copies",
                "href=\"/documents/" + packets.get(1) + "\">Copy made", "href=\"/documents/" + packets.get(0) + "\">Copy made");
        assertThat(casePage).contains("2 earlier identical copies", "href=\"/documents/" + packets.get(0) + "\">Copy made");
        HttpResponse<byte[]> older = staff.download("/documents/" + packets.get(0));
        assertThat(older.statusCode()).isEqualTo(200);
        assertThat(older.headers().firstValue("Content-Type")).hasValue("application/pdf");
    }

    /**
     * 52 documents each stored twice are 52 rows: the first page has 50 of them, each with its copy folded under it;
     * the second the last 2; a page past the end shows that last page. Paging over every stored copy showed 25
     * documents twice a page and a third page.
     */
    @Test
    void aPageOfRecentDocumentsIsFiftyDistinctDocumentsHoweverManyCopiesTheyHave() {
        String id = createCase("Copypages");
        List<String> newest = new ArrayList<>();
        for (long version = 1; version <= 52; version++) {
            save(id, version);
            newest.add(0, save(id, version));
        }
        FormClient staff = new FormClient(port).signIn("north.clinic", "demo-pass-2026");

        String first = searchDocuments(staff, "Copypages");
        String second = staff.get("/documents?page=2").body();
        String past = staff.get("/documents?page=9").body();

        assertThat(rows(first)).isEqualTo(newest.subList(0, 50));
        assertThat(first).contains("Documents 1 to 50 that match, newest first", "rel=\"next\" href=\"/documents?page=2\"");
        assertThat(first.split("1 earlier identical copy<", -1)).hasSize(51);
        assertThat(rows(second)).isEqualTo(newest.subList(50, 52));
        assertThat(second).contains("Documents 51 to 52 that match, newest first").doesNotContain("rel=\"next\"");
        assertThat(rows(past)).isEqualTo(newest.subList(50, 52));
        assertThat(past).contains("Documents 51 to 52 that match, newest first");
    }

    private static List<String> rows(String page) {
        List<String> ids = new ArrayList<>();
        Matcher m = ROW.matcher(page);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private String createCase(String last) {
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        ((ObjectNode) tree.get("patient")).put("lastName", last);
        ApiClient.Response created = new ApiClient(port).post("/api/v1/cases", "north.billing", Samples.json(tree));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** A small estimate of the case made from its version {@code caseVersion}, as generating one stores it. */
    private String save(String caseId, long caseVersion) {
        byte[] bytes = (caseId + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        return store.save(new NewDocument(UUID.fromString(caseId), "north", DocumentKind.ESTIMATE,
                new RenderedPdf(bytes, 1, PdfRenderer.sha256(bytes), "test 1"), "esketamine-standard", "2026.1",
                "north.billing", caseVersion, "en")).id().toString();
    }
}

package dev.authpack.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Who saw the packet?" The audit log's lines named a document as "document 3f5202b2" ("previewed a document page,
 * document 3f5202b2 of case …"), so the auditor matched ids against the "generated a packet" lines to tell a
 * packet from an estimate. The page and the CSV now say what the document is: "packet 3f5202b2 of case …".
 */
@SharedServiceTest
class AuditLinesSayTheDocumentKindTest {

    @LocalServerPort
    int port;

    @Test
    void theAuditPageAndCsvSayWhetherADocumentSeenWasAPacketOrACostEstimate() {
        ApiClient api = new ApiClient(port);
        String kase = api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine")).json()
                .get("id").asString();
        String packet = api.post("/api/v1/cases/" + kase + "/packet", "north.billing", new byte[0], null).json()
                .get("id").asString();
        String estimate = api.post("/api/v1/cases/" + kase + "/estimate", "north.billing", new byte[0], null).json()
                .get("document").get("id").asString();
        FormClient clinic = new FormClient(port).signIn("north.clinic", ApiClient.PASSWORD);
        assertThat(clinic.download("/documents/" + packet + "/pages/1").statusCode()).isEqualTo(200);
        assertThat(clinic.download("/documents/" + estimate).statusCode()).isEqualTo(200);
        FormClient admin = new FormClient(port).signIn("admin", ApiClient.PASSWORD);

        String page = admin.get("/admin/audit?lists=exclude&case=" + kase).body();
        List<List<String>> csv = AuditExportTest.parse(new String(admin.download("/admin/audit.csv?lists=exclude&case="
                + kase).body(), StandardCharsets.UTF_8));

        String p = packet.substring(0, 8);
        String e = estimate.substring(0, 8);
        String ofCase = " of case " + kase.substring(0, 8) + " of North Clinic";
        assertThat(page.split(">packet " + p + "</a> <span>of</span>", -1)).as("generated and previewed").hasSize(3);
        assertThat(page.split(">cost estimate " + e + "</a> <span>of</span>", -1)).as("generated and downloaded")
                .hasSize(3);
        assertThat(page).doesNotContain(">document " + p, ">document " + e);
        int action = AuditCsv.HEADER.indexOf("action");
        int target = AuditCsv.HEADER.indexOf("target");
        assertThat(csv.subList(1, csv.size())).extracting(r -> r.get(action) + ": " + r.get(target)).contains(
                "DOCUMENT_PREVIEWED: packet " + p + ofCase, "PACKET_GENERATED: packet " + p + ofCase,
                "DOCUMENT_DOWNLOADED: cost estimate " + e + ofCase, "ESTIMATE_GENERATED: cost estimate " + e + ofCase);
        assertThat(api.get("/api/v1/audit?document=" + packet, "admin").json().get("items").get(0).has("documentKind"))
                .as("the API's members, as the contract lists them").isFalse();
    }

    @Test
    void aRefusedRequestForAnIdThatNamesNoDocumentSaysDocument() {
        String none = UUID.randomUUID().toString();
        assertThat(new ApiClient(port).get("/api/v1/documents/" + none, "north.billing").status()).isEqualTo(404);

        String page = new FormClient(port).signIn("admin", ApiClient.PASSWORD).get("/admin/audit?document=" + none)
                .body();

        assertThat(page).contains("\">document " + none.substring(0, 8) + "</a>");
    }
}

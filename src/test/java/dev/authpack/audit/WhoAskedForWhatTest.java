package dev.authpack.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an auditor reading the trail sees of a request for PHI that was refused: the row must say which case,
 * document or attachment was asked for, on the administrator's page as in the API and the CSV.
 */
@SharedServiceTest
class WhoAskedForWhatTest {

    @LocalServerPort
    int port;

    @Test
    void theAuditPageNamesTheDocumentOfAnotherClinicThatWasAskedFor() {
        ApiClient api = new ApiClient(port);
        String southCase = api.post("/api/v1/cases", "south.billing", Samples.text("01-complete-esketamine")).json()
                .get("id").asString();
        String southDocument = api.post("/api/v1/cases/" + southCase + "/packet", "south.billing", new byte[0], null)
                .json().get("id").asString();

        assertThat(api.get("/api/v1/documents/" + southDocument, "north.billing").status()).isEqualTo(404);

        String page = new FormClient(port).signIn("admin", ApiClient.PASSWORD)
                .get("/admin/audit?user=north.billing&action=NOT_FOUND&size=5").body();
        // the path names no case: the row's only target is the document
        assertThat(page).contains("title=\"" + southDocument + "\">document " + southDocument.substring(0, 8) + "</span>");
    }
}

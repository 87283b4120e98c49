package dev.authpack.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.TestPdfs;
import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Multipart;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an auditor reading the trail sees of a request for PHI that was refused: the row must say which case,
 * document or attachment was asked for, on the administrator's page as in the API and the CSV.
 */
@SharedServiceTest
class WhoAskedForWhatTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

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
        // the path names no case: the row's only target is the document, a link to the rows naming it
        assertThat(page).contains("<a href=\"/admin/audit?document=" + southDocument + "\" title=\"" + southDocument
                + "\">packet " + southDocument.substring(0, 8) + "</a>");
    }

    @Test
    void askingUnderOnesOwnCaseForAnotherClinicsAttachmentIsRecordedWithTheAttachmentAskedFor() {
        ApiClient api = new ApiClient(port);
        String northCase = api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine")).json()
                .get("id").asString();
        String southCase = api.post("/api/v1/cases", "south.billing", Samples.text("01-complete-esketamine")).json()
                .get("id").asString();
        Multipart upload = Multipart.of("Intake notes", "notes.pdf", TestPdfs.notes(1, "south"));
        String southAttachment = api.post("/api/v1/cases/" + southCase + "/attachments", "south.billing", upload.body(),
                upload.contentType()).json().get("id").asString();

        // the path names a case of the caller's own clinic: only the attachment id says what was probed for
        assertThat(api.get("/api/v1/cases/" + northCase + "/attachments/" + southAttachment, "north.billing").status())
                .isEqualTo(404);
        FormClient north = new FormClient(port).signIn("north.clinic", ApiClient.PASSWORD);
        assertThat(north.get("/cases/" + northCase + "/attachments/" + southAttachment).statusCode()).isEqualTo(404);
        // a role without the right is refused before the attachment is looked for: the row still names it
        assertThat(api.get("/api/v1/cases/" + southCase + "/attachments/" + southAttachment, "admin").status())
                .isEqualTo(403);

        List<Map<String, Object>> rows = jdbc.queryForList("select username, action, case_id, document_id, detail "
                + "from audit_events where action in ('NOT_FOUND', 'ACCESS_DENIED') and document_id = ? order by id",
                southAttachment);
        assertThat(rows).extracting(r -> r.get("USERNAME") + " " + r.get("ACTION") + " " + r.get("CASE_ID") + " "
                        + r.get("DETAIL"))
                .containsExactly("north.billing NOT_FOUND " + northCase + " attachment",
                        "north.clinic NOT_FOUND " + northCase + " attachment",
                        "admin ACCESS_DENIED " + southCase + " attachment");

        String page = new FormClient(port).signIn("admin", ApiClient.PASSWORD)
                .get("/admin/audit?case=" + northCase + "&action=NOT_FOUND").body();
        assertThat(page).contains(">attachment " + southAttachment.substring(0, 8) + "</a> <span>of</span>",
                ">case " + northCase.substring(0, 8) + " of North Clinic</a>");
    }
}

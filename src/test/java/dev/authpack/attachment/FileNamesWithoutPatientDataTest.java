package dev.authpack.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.TestPdfs;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.FormClient;
import dev.authpack.support.Multipart;
import dev.authpack.support.Samples;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * A clinic that sets {@code authpack.documents.file-name} without the name placeholders (docs/security.md:
 * downloads that pass through systems logging headers) gets no patient data in any download's
 * {@code Content-Disposition}: not the patient's name on a document, and not an attachment's title, typed
 * text that often names the patient. The PHI canary audit (session 24) found attachment titles there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:file-names-without-patient-data;DB_CLOSE_DELAY=-1",
        "authpack.documents.file-name={kind}-{id}"})
class FileNamesWithoutPatientDataTest {

    static final String BILLING = "north.billing";

    @LocalServerPort
    int port;

    @Test
    void withoutNamePlaceholdersNoDownloadCarriesThePatientsNameOrAnAttachmentsTitle() {
        ApiClient api = new ApiClient(port);
        ObjectNode body = Samples.tree("01-complete-esketamine");
        ((ObjectNode) body.get("patient")).put("firstName", "Orlaith").put("lastName", "Filewright");
        String caseId = api.post("/api/v1/cases", BILLING, Samples.json(body)).json().get("id").asString();
        Multipart upload = Multipart.of("Orlaith Filewright intake notes", "notes.pdf", TestPdfs.notes(1, "MARK"));
        Response attached = api.post("/api/v1/cases/" + caseId + "/attachments", BILLING, upload.body(),
                upload.contentType());
        assertThat(attached.status()).as(attached.text()).isEqualTo(201);
        String attachmentId = attached.json().get("id").asString();
        String packetId = api.post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null)
                .json().get("id").asString();

        String fromApi = api.get("/api/v1/cases/" + caseId + "/attachments/" + attachmentId, BILLING)
                .header("Content-Disposition");
        HttpResponse<byte[]> fromPage = new FormClient(port).signIn(BILLING, "demo-pass-2026")
                .download("/cases/" + caseId + "/attachments/" + attachmentId);
        String packet = api.get("/api/v1/documents/" + packetId, BILLING).header("Content-Disposition");

        assertThat(fromApi).isEqualTo("inline; filename=\"attachment-" + attachmentId + ".pdf\"");
        assertThat(fromPage.statusCode()).isEqualTo(200);
        assertThat(fromPage.headers().firstValue("Content-Disposition")).hasValue(fromApi);
        assertThat(packet).isEqualTo("attachment; filename=\"packet-" + packetId + ".pdf\"");
    }
}

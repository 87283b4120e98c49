package dev.authpack.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.FormClient;
import dev.authpack.support.Multipart;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The upload limit is configuration: over it is a 413 problem, whichever layer notices first. Here our
 * limit (20,000 bytes) is below the servlet's multipart limits, so both layers can be reached: a file
 * between the two is read, form and all, and refused by the upload rules; a larger body is refused by
 * the container while it parses it.
 */
@SharedServiceTest(properties = {
        "authpack.attachments.max-bytes=20000",
        "spring.servlet.multipart.max-file-size=200KB",
        "spring.servlet.multipart.max-request-size=210KB"})
class AttachmentLimitTest {

    @LocalServerPort
    int port;

    Response upload(int size) {
        ApiClient api = new ApiClient(port);
        String caseId = api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine")).json()
                .get("id").asString();
        Multipart m = Multipart.of("Big", "big.pdf", new byte[size]);
        return api.post("/api/v1/cases/" + caseId + "/attachments", "north.billing", m.body(), m.contentType());
    }

    @Test
    void fileOverTheConfiguredLimitIs413() {
        Response r = upload(30_000);
        assertThat(r.status()).as(r.text()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    /** From the case page, a file over our limit comes back with the limit stated and the title typed kept. */
    @Test
    void aPageUploadOverTheLimitKeepsTheTitleAndStatesTheLimit() {
        String caseId = newCase();
        FormClient clerk = new FormClient(port).signIn("north.billing", ApiClient.PASSWORD);
        clerk.get("/cases/" + caseId);

        HttpResponse<String> answer = clerk.upload("/cases/" + caseId + "/attachments", "Big scan", new byte[30_000]);

        assertThat(answer.statusCode()).isEqualTo(302);
        String page = clerk.get("/cases/" + caseId).body();
        assertThat(page).contains("The file is larger than the upload limit of 19 KB.");
        assertThat(page).containsPattern("id=\"attachment-title\" name=\"title\" maxlength=\"200\" autocomplete=\"off\" value=\"Big scan\"");
    }

    /**
     * Over the servlet's limit the container refuses the body while parsing it and keeps none of its parts,
     * so the title typed is not known to anyone (the page's script refuses such a file before sending it,
     * keeping the title); the message still states the limit the page checks against.
     */
    @Test
    void aPageUploadOverTheMultipartLimitStatesTheLimit() {
        String caseId = newCase();
        FormClient clerk = new FormClient(port).signIn("north.billing", ApiClient.PASSWORD);
        clerk.get("/cases/" + caseId);

        HttpResponse<String> answer = clerk.upload("/cases/" + caseId + "/attachments", "Big scan", new byte[300_000]);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(clerk.get("/cases/" + caseId).body()).contains("The file is larger than the upload limit of 19 KB.");
    }

    private String newCase() {
        return new ApiClient(port).post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine")).json()
                .get("id").asString();
    }

    @Test
    void requestOverTheMultipartLimitIs413() {
        Response r = upload(300_000);
        assertThat(r.status()).as(r.text()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }
}

package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An upload larger than the servlet's multipart limit fails before any controller reads it; from the
 * case page the clerk still lands back on the case page with the upload form's own message, which
 * states the limit. The title typed cannot come back here: the container refuses the multipart body
 * while parsing it and keeps none of its parts, so no field of that form is ever read (the page's
 * script refuses such a file before sending it, which keeps the title; see
 * {@link UploadOverTheMultipartLimitBrowserTest}).
 */
@SharedServiceTest(properties = {
        "spring.servlet.multipart.max-file-size=1MB", "spring.servlet.multipart.max-request-size=1MB"})
class UploadOverTheLimitPageTest {

    @LocalServerPort
    int port;

    @Test
    void anUploadOverTheMultipartLimitReturnsToTheCasePageWithTheUploadMessage() {
        String id = new ApiClient(port).post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine"))
                .json().get("id").asString();
        FormClient clerk = new FormClient(port).signIn("north.billing", "demo-pass-2026");
        clerk.get("/cases/" + id);

        HttpResponse<String> answer = clerk.upload("/cases/" + id + "/attachments", "Scanned notes", new byte[3 * 1024 * 1024]);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/cases/" + id + "#attachments");
        // 1 MB less the room kept for the rest of the form: the limit the page itself checks against
        assertThat(clerk.get("/cases/" + id).body()).contains("The file is larger than the upload limit of 960 KB.");
        assertThat(new ApiClient(port).get("/api/v1/cases/" + id + "/attachments", "north.billing").json()).isEmpty();
    }
}

package dev.authpack.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Multipart;
import dev.authpack.support.Samples;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The upload limit is configuration: over it is a 413 problem, whichever layer notices first. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
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

    @Test
    void requestOverTheMultipartLimitIs413() {
        Response r = upload(300_000);
        assertThat(r.status()).as(r.text()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }
}

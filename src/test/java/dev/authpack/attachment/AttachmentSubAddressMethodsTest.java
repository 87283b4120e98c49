package dev.authpack.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.SharedServiceTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /attachments/order} and {@code /attachments/removed} are addresses of their own: a method they
 * do not take is 405 with {@code Allow} (RFC 9110 section 15.5.6), not a 400 about an attachmentId.
 */
@SharedServiceTest
class AttachmentSubAddressMethodsTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readingOrDeletingTheOrderAddressIsMethodNotAllowedNamingPut() throws Exception {
        for (String method : new String[] {"GET", "DELETE", "HEAD"}) {
            HttpResponse<String> r = send(method, "/api/v1/cases/" + UUID.randomUUID() + "/attachments/order");

            assertThat(r.statusCode()).as(method).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).as(method).hasValue("PUT");
            if (!"HEAD".equals(method)) {
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(r.body()).doesNotContain("attachmentId");
            }
        }
    }

    @Test
    void deletingTheRemovedListIsMethodNotAllowedNamingGet() throws Exception {
        HttpResponse<String> r = send("DELETE", "/api/v1/cases/" + UUID.randomUUID() + "/attachments/removed");

        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow").orElse("")).contains("GET").doesNotContain("DELETE");
        assertThat(r.body()).doesNotContain("attachmentId");
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString(("north.billing:" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", basic)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}

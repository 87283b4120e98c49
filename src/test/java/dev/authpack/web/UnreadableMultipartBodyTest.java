package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A multipart body that does not parse (no boundary; a part cut off before its end), sent by a script to a page that
 * never reads it in its controller: the layout read it for {@code param.resubmit}, Tomcat threw while the template
 * ran, and the page was a 500 with a stack trace in the log. It is the sender's 400, and the API's answers stand.
 */
@SharedServiceTest
@ExtendWith(OutputCaptureExtension.class)
@Isolated // reads the whole log (Surefire runs test classes two at a time)
class UnreadableMultipartBodyTest {

    private static final List<String[]> BODIES = List.of(
            new String[] {"multipart/form-data", "displayName=Unread"},
            new String[] {"multipart/form-data; boundary=cut",
                    "--cut\r\nContent-Disposition: form-data; name=\"displayName\"\r\n\r\nUnread"});

    @LocalServerPort
    int port;

    @Test
    void aMultipartBodyThatDoesNotParseIsTheSendersBadRequestOnEveryPageAndLogsNoStackTrace(CapturedOutput output)
            throws Exception {
        ApiClient api = new ApiClient(port);
        String id = api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine")).json()
                .get("id").asString();
        FormClient admin = new FormClient(port).signIn("admin", ApiClient.PASSWORD);
        admin.get("/admin/users");
        FormClient clerk = new FormClient(port).signIn("north.billing", ApiClient.PASSWORD);
        clerk.get("/cases/new");
        int before = output.getAll().length();

        for (String[] body : BODIES) {
            for (String[] request : new String[][] {{"GET", "/admin/users"}, {"GET", "/admin/clinics"},
                    {"GET", "/admin/policies"}}) {
                assertRefused(admin.sendRaw(request[0], request[1], body[0], bytes(body[1])), request, body);
            }
            for (String[] request : new String[][] {{"GET", "/clinic/profile"}, {"GET", "/cases/new"},
                    {"POST", "/cases/new"}, {"GET", "/cases/" + id + "/edit"}, {"POST", "/cases/" + id + "/edit"}}) {
                assertRefused(clerk.sendRaw(request[0], request[1], body[0], bytes(body[1])), request, body);
            }
            HttpResponse<String> listed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/cases"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            ("north.billing:" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", body[0]).method("GET", HttpRequest.BodyPublishers.ofByteArray(bytes(body[1])))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(listed.statusCode()).as("API, " + body[0] + ": " + listed.body()).isEqualTo(400);
            assertThat(listed.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }

        String logged = output.getAll().substring(before);
        assertThat(logged).doesNotContain("FileUploadException", "\tat ", " ERROR ");
    }

    private static void assertRefused(HttpResponse<String> answer, String[] request, String[] body) {
        assertThat(answer.statusCode()).as(request[0] + " " + request[1] + " (" + body[0] + "): " + answer.body())
                .isEqualTo(400);
        assertThat(answer.body()).contains("| Authpack</title>").doesNotContain("Exception", "Multipart", "Unread");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.RawHttp;
import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The smaller findings of issue #16's probe, each over real HTTP: role rules for every method,
 * /error, the container's own error pages, the audit of attachment lists, the case search.
 */
@SharedServiceTest
class ProbeFindingsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String caseId;
    String documentId;

    @BeforeEach
    void aCaseWithAPacket() {
        ApiClient api = new ApiClient(port);
        caseId = api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine")).json()
                .get("id").asString();
        documentId = api.post("/api/v1/cases/" + caseId + "/packet", "north.billing", new byte[0], null).json()
                .get("id").asString();
    }

    /** Path templates: {case} and {doc} are the fixtures. Expected: what every method but GET must answer. */
    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource(textBlock = """
            HEAD,    /api/v1/documents/{doc},          admin,        403
            OPTIONS, /api/v1/documents/{doc},          admin,        403
            PUT,     /api/v1/documents/{doc},          admin,        403
            DELETE,  /api/v1/documents/{doc},          admin,        403
            HEAD,    /api/v1/cases/{case},             admin,        403
            OPTIONS, /api/v1/cases/{case},             admin,        403
            HEAD,    /api/v1/cases,                    admin,        403
            PATCH,   /api/v1/cases/{case},             north.clinic, 403
            DELETE,  /api/v1/cases/{case},             north.clinic, 403
            PUT,     /api/v1/cases/{case}/attachments, north.clinic, 403
            HEAD,    /api/v1/audit,                    north.billing, 403
            OPTIONS, /api/v1/users,                    north.clinic, 403
            DELETE,  /api/v1/policies,                 north.billing, 403
            HEAD,    /api/v1/documents/{doc},          north.clinic, 200
            HEAD,    /api/v1/cases/{case},             north.clinic, 200
            OPTIONS, /api/v1/cases/{case},             north.clinic, 200
            HEAD,    /api/v1/documents/{doc},          ,             401
            """)
    void roleRulesHoldForEveryHttpMethod(String method, String template, String user, int expected) {
        String path = template.replace("{case}", caseId).replace("{doc}", documentId);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(send(b).statusCode()).isEqualTo(expected);
    }

    @Test
    void webPagesDenyWritingMethodsToReadersAndEveryMethodToOtherRoles() {
        FormClient clinic = new FormClient(port).signIn("north.clinic", ApiClient.PASSWORD);
        FormClient admin = new FormClient(port).signIn("admin", ApiClient.PASSWORD);

        assertThat(web(clinic, "PUT", "/cases/" + caseId)).isEqualTo(403);
        assertThat(web(clinic, "DELETE", "/cases/" + caseId)).isEqualTo(403);
        assertThat(web(clinic, "HEAD", "/cases/new")).isEqualTo(403);
        assertThat(web(admin, "HEAD", "/cases/" + caseId)).isEqualTo(403);
        assertThat(web(admin, "OPTIONS", "/documents/" + documentId)).isEqualTo(403);
        assertThat(web(clinic, "HEAD", "/cases/" + caseId)).isEqualTo(200);
    }

    @Test
    void aMalformedMultipartBodyToThePageUploadIsA400() {
        FormClient billing = new FormClient(port).signIn("north.billing", ApiClient.PASSWORD);
        String csrf = FormClient.csrfOf(billing.get("/cases/" + caseId).body());
        String garbage = "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4 and then the body just stops";

        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cases/"
                        + caseId + "/attachments"))
                .header("Cookie", "JSESSIONID=" + billing.sessionId()).header("X-CSRF-TOKEN", csrf)
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString(garbage)));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("Exception");
    }

    @Test
    void errorItselfIsNotFoundNeverAServerError() {
        HttpResponse<String> json = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/error")));
        HttpResponse<String> html = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/error"))
                .header("Accept", "text/html"));

        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(html.statusCode()).isEqualTo(404);
        assertThat(html.body()).doesNotContain("Exception", "Whitelabel");
    }

    @Test
    void theContainersOwnErrorPageCarriesTheSecurityHeaders() throws IOException {
        String answer = raw("GET /cases?a=<b>|{c} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
        assertThat(head).contains("content-security-policy: " + SecurityHeaders.CONTENT_SECURITY_POLICY.toLowerCase(
                Locale.ROOT), "x-frame-options: deny", "x-content-type-options: nosniff", "referrer-policy: no-referrer",
                "cache-control: no-cache, no-store");
        assertThat(answer).doesNotContainIgnoringCase("Apache Tomcat").doesNotContain("Exception");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"/api/v1/cases/a%2Fb, 0", "/api/v1/cases/a%5Cb, 0", "/api/v1/cases, 20000"})
    void aRequestTheContainerRefusesIsAProblemOnTheApi(String target, int headerBytes) throws IOException {
        String answer = raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
                + Base64.getEncoder().encodeToString("north.billing:demo-pass-2026".getBytes(StandardCharsets.UTF_8))
                + "\r\nX-Padding: " + "p".repeat(headerBytes) + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
        assertThat(head).contains("content-type: application/problem+json", "x-content-type-options: nosniff");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        JsonNode problem = JsonMapper.shared().readTree(body);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString()).contains("encoded slash");
        assertThat(body).doesNotContain("<html", "Tomcat", "Exception");
    }

    @Test
    void readingACasesAttachmentListIsAudited() {
        assertThat(new ApiClient(port).get("/api/v1/cases/" + caseId + "/attachments", "north.clinic").status())
                .isEqualTo(200);

        assertThat(jdbc.queryForList("select username || ' ' || outcome from audit_events where case_id = ? and "
                + "action = 'ATTACHMENTS_LISTED'", String.class, caseId)).containsExactly("north.clinic OK");
    }

    @Test
    void theCaseSearchPostsTheNameSoItIsNeverInAUrl() {
        FormClient clinic = new FormClient(port).signIn("north.clinic", ApiClient.PASSWORD);
        String list = clinic.get("/cases").body();

        assertThat(list).containsPattern("<form class=\"filters\" method=\"post\" action=\"/cases/search\"");
        // post, then redirect: the search is kept in the session and the redirect carries no name
        HttpResponse<String> posted = clinic.postWithToken(FormClient.csrfOf(list), "/cases/search", "q", "reyes");
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElse("")).doesNotContainIgnoringCase("reyes");
        assertThat(clinic.get("/cases").body()).contains("Dana Reyes");
        clinic.postWithToken(FormClient.csrfOf(list), "/cases/search", "q", "no such name");
        assertThat(clinic.get("/cases").body()).doesNotContain("Dana Reyes");
        clinic.postWithToken(FormClient.csrfOf(list), "/cases/search", "q", "");
        assertThat(clinic.get("/cases?q=no+such+name").body()).as("a GET's q is not read").contains("Dana Reyes");
    }

    private int web(FormClient b, String method, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Cookie", "JSESSIONID=" + b.sessionId())
                .method(method, HttpRequest.BodyPublishers.noBody())).statusCode();
    }

    private String raw(String request) throws IOException {
        return RawHttp.send(port, request);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The protective headers on every kind of answer: pages, API JSON, errors, redirects. */
@SharedServiceTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    /** (who, path): null who means not signed in; BASIC: prefix means the API with HTTP Basic. */
    static Stream<String[]> answers() {
        return Stream.of(
                new String[] {null, "/login"},
                new String[] {null, "/cases"},
                new String[] {"north.billing", "/cases"},
                new String[] {"north.billing", "/cases/new"},
                new String[] {"north.clinic", "/cases"},
                new String[] {"admin", "/admin/audit"},
                new String[] {"admin", "/admin/users"},
                new String[] {"admin", "/cases"},
                new String[] {null, "/api/v1/cases"},
                new String[] {"BASIC:north.billing", "/api/v1/cases"},
                new String[] {"BASIC:north.clinic", "/api/v1/policies"},
                new String[] {"BASIC:admin", "/api/v1/cases"},
                new String[] {"BASIC:admin", "/api/v1/audit"});
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("answers")
    void everyAnswerCarriesTheProtectiveHeaders(String who, String path) {
        HttpHeaders h = fetch(who, path).headers();

        assertThat(h.firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(h.firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "frame-ancestors 'none'", "form-action 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(h.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(h.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(h.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(h.firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void aDownloadedPacketPdfIsNeverCachedNorSniffed() {
        ApiClient api = new ApiClient(port);
        String caseId = api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine")).json()
                .get("id").asString();
        ApiClient.Response packet = api.post("/api/v1/cases/" + caseId + "/packet", "north.billing", new byte[0], null);
        assertThat(packet.status()).isEqualTo(201);

        HttpResponse<byte[]> pdf = new Basic(port).getBytes("/api/v1/documents/" + packet.json().get("id").asString(),
                "north.clinic");

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(pdf.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(pdf.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(pdf.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(pdf.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void everyAnswerCarryingPatientDataIsNoStore() {
        ApiClient api = new ApiClient(port);
        String id = api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine")).json()
                .get("id").asString();
        String doc = api.post("/api/v1/cases/" + id + "/packet", "north.billing", new byte[0], null).json()
                .get("id").asString();
        FormClient browser = new FormClient(port).signIn("north.billing", "demo-pass-2026");
        Basic basic = new Basic(port);

        List<HttpResponse<String>> answers = List.of(
                basic.get("/api/v1/cases", "north.billing"),
                basic.get("/api/v1/cases/" + id, "north.billing"),
                basic.get("/api/v1/cases/" + id + "/completeness", "north.clinic"),
                basic.get("/api/v1/cases/" + id + "/documents", "north.clinic"),
                browser.get("/cases"),
                browser.get("/cases/" + id),
                browser.get("/cases/" + id + "/edit"),
                browser.get("/documents"),
                browser.get("/documents/" + doc),
                browser.get("/documents/" + doc + "/pages/1"));

        for (HttpResponse<String> r : answers) {
            assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(200);
            assertThat(r.headers().firstValue("Cache-Control").orElse("")).as(r.uri().toString()).contains("no-store");
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(r.uri().toString())
                    .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
        }
    }

    @Test
    void theApiSetsNoSessionCookie() {
        HttpHeaders h = fetch("BASIC:north.billing", "/api/v1/cases").headers();

        assertThat(h.allValues("Set-Cookie")).isEmpty();
    }

    private HttpResponse<String> fetch(String who, String path) {
        if (who != null && who.startsWith("BASIC:")) {
            return new Basic(port).get(path, who.substring("BASIC:".length()));
        }
        FormClient browser = new FormClient(port);
        if (who != null) {
            browser.signIn(who, "demo-pass-2026");
        }
        return browser.get(path);
    }
}

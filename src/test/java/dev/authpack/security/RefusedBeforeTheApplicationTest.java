package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.RawHttp;
import dev.authpack.support.ApiClient;
import dev.authpack.support.SharedServiceTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests refused before any controller runs (by Tomcat itself, or by Spring Security's firewall):
 * found by the HTTP-layer fuzz (tools/http-fuzz). Sent over a raw socket, since HTTP clients will not
 * send most of them.
 */
@SharedServiceTest
class RefusedBeforeTheApplicationTest {

    @LocalServerPort
    int port;

    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString(("north.billing:" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8));

    @Test
    void traceIsRefusedWithTheSecurityHeaders() throws IOException {
        String answer = raw("TRACE /cases HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 405");
        assertSecurityHeaders(answer);
    }

    @Test
    void aBodyWithABadChunkSizeIsRefusedWithTheSecurityHeaders() throws IOException {
        String answer = raw("POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nAuthorization: " + BASIC
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertSecurityHeaders(answer);
    }

    @Test
    void anApiAddressTheFirewallRefusesSaysWhatIsWrongWithTheSecurityHeaders() throws IOException {
        String answer = raw("GET /api/v1/cases/" + UUID.randomUUID() + ";jsessionid=ABC HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: " + BASIC + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(answer).contains("\"status\":400", "; parameter (such as ;jsessionid=)").doesNotContain("ABC");
        assertSecurityHeaders(answer);
    }

    @Test
    void aPageAddressTheFirewallRefusesIsAReadablePageWithTheSecurityHeaders() throws IOException {
        String answer = raw("GET //cases HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).containsIgnoringCase("Content-Type: text/html").contains("<h1>Bad request</h1>");
        assertSecurityHeaders(answer);
    }

    private static void assertSecurityHeaders(String answer) {
        String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
        assertThat(head).containsIgnoringCase("X-Content-Type-Options: nosniff")
                .containsIgnoringCase("X-Frame-Options: DENY")
                .containsIgnoringCase("Content-Security-Policy: " + SecurityHeaders.CONTENT_SECURITY_POLICY)
                .containsIgnoringCase("Cache-Control: no-cache, no-store");
    }

    private String raw(String request) throws IOException {
        return RawHttp.send(port, request);
    }
}

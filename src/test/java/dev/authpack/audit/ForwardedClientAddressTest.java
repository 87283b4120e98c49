package dev.authpack.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Behind a proxy (docs/deploy.md: {@code SERVER_FORWARD_HEADERS_STRATEGY=native}) the audit trail's client
 * address comes from {@code X-Forwarded-For}, which a client on a private network may set itself. Found by
 * the HTTP-layer fuzz (tools/http-fuzz): a value over 64 characters made the call a 500, and any text was
 * recorded as an address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "server.forward-headers-strategy=native",
    "spring.datasource.url=jdbc:h2:mem:forwarded-client-address;DB_CLOSE_DELAY=-1"})
class ForwardedClientAddressTest {

    @LocalServerPort
    int port;

    @Test
    void aForwardedForThatIsNotAnAddressIsAnsweredAndRecordedAsNotAnAddress() {
        List<String> recorded = new ArrayList<>();
        for (String forwarded : new String[] {"a".repeat(3000), "=HYPERLINK(\"http://x\")", "<b>x</b>", "203.0.113.9",
                "2001:db8::7"}) {
            ApiClient.Response r = new ApiClient(port).withHeader("X-Forwarded-For", forwarded)
                    .get("/api/v1/cases", "north.billing");
            assertThat(r.status()).as(forwarded.substring(0, Math.min(20, forwarded.length()))).isEqualTo(200);
            recorded.add(latestAddress());
        }

        assertThat(recorded).containsExactly(AuditLog.NOT_AN_ADDRESS, AuditLog.NOT_AN_ADDRESS,
                AuditLog.NOT_AN_ADDRESS, "203.0.113.9", "2001:db8::7");
    }

    private String latestAddress() {
        JsonNode items = new ApiClient(port).get("/api/v1/audit?action=CASES_LISTED&size=1", "admin").json()
                .get("items");
        return items.get(0).get("clientAddress").asString();
    }
}

package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A write whose Accept header the answer cannot meet is refused before it is done, so a client that
 * retries after the 406 does not make a duplicate. Real HTTP against the embedded database.
 */
@SharedServiceTest
class AcceptCheckedBeforeWritesTest {

    private static final String BILLING = "north.billing";

    @LocalServerPort
    int port;
    ApiClient api;
    String caseId;

    @BeforeEach
    void aCase() {
        api = new ApiClient(port);
        Response created = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));
        assertThat(created.status()).isEqualTo(201);
        caseId = created.json().get("id").asString();
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"application/xml", "application/fhir+xml", "text/html", "application/pdf", "not a type",
        "application/json;q=0, application/xml"})
    void aCaseRefusedForItsAcceptHeaderIsNotCreated(String accept) {
        int before = cases();

        Response refused = api.accepting(accept).post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));

        assertThat(refused.status()).isEqualTo(406);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("application/json", "Nothing was done");
        assertThat(cases()).as("no case was stored for the refused request").isEqualTo(before);
    }

    @Test
    void anEventEstimateOrPacketRefusedForItsAcceptHeaderIsNotRecorded() {
        ApiClient xml = api.accepting("application/xml");
        String base = "/api/v1/cases/" + caseId;
        int events = api.get(base + "/events", BILLING).json().size();
        int documents = api.get(base + "/documents", BILLING).json().size();

        assertThat(xml.post(base + "/packet", BILLING, new byte[0], null).status()).isEqualTo(406);
        assertThat(xml.post(base + "/estimate", BILLING, new byte[0], null).status()).isEqualTo(406);
        assertThat(api.get(base + "/documents", BILLING).json().size()).as("no document stored").isEqualTo(documents);

        assertThat(xml.post(base + "/events", BILLING, "{\"type\":\"SUBMITTED\",\"date\":\"" + LocalDate.now()
                + "\",\"channel\":\"FAX\",\"payerReference\":\"REF-1\"}").status()).isEqualTo(406);
        assertThat(api.get(base + "/events", BILLING).json().size()).as("no event recorded").isEqualTo(events);
    }

    @Test
    void anEditRefusedForItsAcceptHeaderLeavesTheCaseAsItWas() {
        String path = "/api/v1/cases/" + caseId;
        var read = (tools.jackson.databind.node.ObjectNode) api.get(path, BILLING).json();
        int version = read.get("version").asInt();
        ((tools.jackson.databind.node.ObjectNode) read.get("patient")).put("firstName", "Refused");

        assertThat(api.accepting("application/xml").put(path, BILLING, read.toString()).status()).isEqualTo(406);

        var after = api.get(path, BILLING).json();
        assertThat(after.get("version").asInt()).isEqualTo(version);
        assertThat(after.get("patient").get("firstName").asString()).isNotEqualTo("Refused");
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"application/json", "*/*", "application/*", "application/xml, application/json;q=0.5"})
    void aWriteWhoseAcceptHeaderAllowsJsonIsDone(String accept) {
        int before = cases();

        Response created = api.accepting(accept).post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(cases()).isEqualTo(before + 1);
    }

    private int cases() {
        return api.get("/api/v1/cases", BILLING).json().size();
    }
}

package dev.authpack.fhir;

import static dev.authpack.fhir.FhirTestSupport.ADMIN;
import static dev.authpack.fhir.FhirTestSupport.BILLING;
import static dev.authpack.fhir.FhirTestSupport.CLINIC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The PAS bundle carries the latest packet even when the case changed after it was made (the contract's
 * 200): the answer says so in its {@code Authpack-Warnings} header, the packet's DocumentReference says
 * when it was made, and the case page says so beside the export button. The bundle itself stays as valid.
 */
@SharedServiceTest
class PasExportOfAnOutdatedPacketTest {

    static final String WARNINGS = "Authpack-Warnings";

    @LocalServerPort
    int port;
    ApiClient api;
    String caseId;

    @BeforeEach
    void aCase() {
        api = new ApiClient(port);
        caseId = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json().get("id").asString();
    }

    @Test
    void aBundleWhosePacketPredatesTheCasesLastChangeSaysSoInAHeaderAndTheDocumentReferenceSaysWhenItWasMade() {
        JsonNode packet = generatePacket();
        moveTheFacility();

        Response r = api.accepting("application/fhir+json").get(bundle(), CLINIC);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.header(WARNINGS)).isEqualTo("PACKET_OUTDATED");
        JsonNode reference = documentReference(r.json());
        assertThat(reference.path("identifier").get(0).get("value").asString()).isEqualTo(packet.get("id").asString());
        assertThat(OffsetDateTime.parse(reference.get("date").asString()).toInstant())
                .isEqualTo(Instant.parse(packet.get("createdAt").asString()).truncatedTo(ChronoUnit.MILLIS));
        // the Claim shows the case as it is now, the packet what it was
        assertThat(r.text()).contains("2 Elm St");
        JsonNode audit = api.get("/api/v1/audit?case=" + caseId + "&action=FHIR_EXPORTED", ADMIN).json();
        assertThat(audit.get("items").get(0).get("outcome").asString()).isEqualTo("OK");
        assertThat(audit.get("items").get(0).get("documentId").asString()).isEqualTo(packet.get("id").asString());
    }

    @Test
    void aBundleWithAPacketOfTheCaseAsItIsOrWithoutAPacketCarriesNoWarning() {
        Response none = api.get(bundle(), BILLING);
        generatePacket();
        Response current = api.get(bundle(), BILLING);

        assertThat(none.status()).isEqualTo(200);
        assertThat(none.header(WARNINGS)).isNull();
        assertThat(none.text()).doesNotContain("\"DocumentReference\"");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.header(WARNINGS)).isNull();
        assertThat(documentReference(current.json())).isNotNull();
    }

    @Test
    void theCasePageWarnsBesideTheExportButtonThatThePacketPredatesTheLastChange() {
        FormClient clerk = new FormClient(port).signIn(BILLING, ApiClient.PASSWORD);
        String page = "/cases/" + caseId;

        String withoutPacket = clerk.get(page).body();
        generatePacket();
        String current = clerk.get(page).body();
        moveTheFacility();
        String outdated = clerk.get(page).body();
        HttpResponse<String> download = clerk.get(page + "/fhir/pas-bundle");

        assertThat(withoutPacket).contains("id=\"fhir-export-no-packet\"",
                "The PAS bundle will carry no packet: generate one first to send it with the request.")
                .doesNotContain("fhir-export-outdated");
        assertThat(current).doesNotContain("fhir-export-outdated", "fhir-export-no-packet");
        assertThat(outdated).contains("aria-describedby=\"fhir-export-outdated\"", "id=\"fhir-export-outdated\"",
                "The packet in the PAS bundle is older than the last change to the case on ",
                ": generate a new packet before you export.");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue(WARNINGS)).hasValue("PACKET_OUTDATED");
    }

    private String bundle() {
        return "/api/v1/cases/" + caseId + "/fhir/pas-bundle";
    }

    private JsonNode generatePacket() {
        Response packet = api.post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null);
        assertThat(packet.status()).as(packet.text()).isEqualTo(201);
        return packet.json();
    }

    private void moveTheFacility() {
        ObjectNode kase = (ObjectNode) api.get("/api/v1/cases/" + caseId, BILLING).json();
        ((ObjectNode) kase.get("facility")).put("address", "2 Elm St, Springfield, MA 01101");
        Response saved = api.put("/api/v1/cases/" + caseId, BILLING, Samples.json(kase));
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
    }

    private static JsonNode documentReference(JsonNode bundle) {
        for (JsonNode entry : bundle.get("entry")) {
            if (entry.path("resource").path("resourceType").asString().equals("DocumentReference")) {
                return entry.get("resource");
            }
        }
        return null;
    }
}

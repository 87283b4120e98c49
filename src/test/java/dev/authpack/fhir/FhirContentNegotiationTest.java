package dev.authpack.fhir;

import static dev.authpack.fhir.FhirTestSupport.BILLING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The FHIR endpoints serve JSON only, say so with 406 when asked for anything else, and label what they send. */
@SharedServiceTest
class FhirContentNegotiationTest {

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private String caseId() {
        return api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json().get("id").asString();
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"application/fhir+xml", "application/xml", "text/html", "application/fhir+json;q=0, application/xml"})
    void thePasBundleAskedForInAnotherFormatIs406SayingOnlyFhirJsonIsServed(String accept) {
        Response r = api.accepting(accept).get("/api/v1/cases/" + caseId() + "/fhir/pas-bundle", BILLING);

        assertThat(r.status()).as(r.text()).isEqualTo(406);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).startsWith("Only FHIR JSON is served");
    }

    @Test
    void thePasBundleWithFormatXmlIs406AndWithFormatJsonIsServed() {
        String id = caseId();
        Response xml = api.get("/api/v1/cases/" + id + "/fhir/pas-bundle?_format=xml", BILLING);
        assertThat(xml.status()).isEqualTo(406);
        assertThat(xml.json().get("detail").asString()).startsWith("Only FHIR JSON is served");

        for (String format : new String[] {"json", "application/fhir%2Bjson", "application/json"}) {
            Response json = api.accepting("application/xml").get("/api/v1/cases/" + id
                    + "/fhir/pas-bundle?_format=" + format, BILLING);
            assertThat(json.status()).as(format).isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"application/fhir+json", "application/json", "*/*", "application/*",
        "application/fhir+xml;q=0.9, application/fhir+json"})
    void thePasBundleIsServedAsAFhirJsonDownloadNamedByTheCaseIdOnly(String accept) {
        String id = caseId();

        Response r = api.accepting(accept).get("/api/v1/cases/" + id + "/fhir/pas-bundle", BILLING);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/fhir+json");
        assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=\"pas-request-" + id + ".json\"");
    }

    @Test
    void theImportAnswerIsLabelledJsonEvenWhenTheClientAsksForFhirJson() {
        Response r = api.accepting("application/fhir+json").post("/api/v1/fhir/import", BILLING,
                FhirTestSupport.bundle("conformant_pas_bundle_v110"), "application/fhir+json");

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.contentType()).startsWith("application/json");
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"application/fhir+xml", "application/xml"})
    void anImportWhoseAnswerTheClientCannotTakeIs406AndCreatesNoCase(String accept) {
        String family = "Nocase" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":"
                + "\"Patient\",\"id\":\"p1\",\"name\":[{\"family\":\"" + family + "\",\"given\":[\"Y\"]}]}}]}";

        Response r = api.accepting(accept).post("/api/v1/fhir/import", BILLING, bundle.getBytes(StandardCharsets.UTF_8),
                "application/fhir+json");

        assertThat(r.status()).as(r.text()).isEqualTo(406);
        assertThat(api.get("/api/v1/cases", BILLING).text()).as("no draft case was stored").doesNotContain(family);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).contains("Nothing was done");
    }
}

package dev.authpack.fhir;

import static dev.authpack.fhir.FhirTestSupport.BILLING;
import static dev.authpack.fhir.FhirTestSupport.caseData;
import static dev.authpack.fhir.FhirTestSupport.importBundle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Samples;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Export a case as a PAS bundle, import the bundle: the same case comes back (real HTTP, real database). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FhirRoundTripTest {

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"01-complete-esketamine", "02-one-failed-trial", "03-self-pay-ketamine", "04-stale-severity"})
    void publicSamplesComeBackUnchanged(String sample) {
        assertRoundTrip(Samples.text(sample), true);
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 40).map(i -> 20261500 + i).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedCasesComeBackUnchanged(long seed) {
        assertRoundTrip(Samples.json(GeneratedCases.of(seed)), seed % 5 == 0);
    }

    private void assertRoundTrip(String caseJson, boolean withPacket) {
        Response created = api.post("/api/v1/cases", BILLING, caseJson);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asString();
        if (withPacket) {
            // an incomplete case gets no packet (422); the bundle then simply has no DocumentReference
            api.post("/api/v1/cases/" + id + "/packet", BILLING, new byte[0], null);
        }
        Response bundle = api.get("/api/v1/cases/" + id + "/fhir/pas-bundle", BILLING);
        assertThat(bundle.status()).as(bundle.text()).isEqualTo(200);
        assertThat(bundle.contentType()).startsWith("application/fhir+json");

        Response imported = importBundle(api, bundle.body());

        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        JsonNode original = caseData(api.get("/api/v1/cases/" + id, BILLING).json());
        JsonNode back = caseData(imported.json().get("case"));
        assertThat(back).as("ignored: %s", imported.json().get("ignored")).isEqualTo(original);
        assertThat(imported.json().get("case").get("id").asString()).isNotEqualTo(id);
    }
}

package dev.authpack.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The published policies' completeness answers over real HTTP, where a rule's reading changes what a clinic's script sees. */
@SharedServiceTest
class PublishedPoliciesApiTest {

    private static final String BILLING = "north.billing";

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /** Sample 05 as an MDSI request under Cigna: complete with an oral antidepressant, not with lithium in its place. */
    @ParameterizedTest(name = "{0} alongside -> complete {2}")
    @CsvSource(delimiter = '|', value = {
        "mirtazapine |         | true  | MET",
        "lithium     |         | false | NOT_MET",
        "aripiprazole | ATYPICAL_ANTIPSYCHOTIC | false | NOT_MET",
    })
    void anAugmentationAgentDoesNotStandInForTheOralAntidepressant(String drug, String drugClass, boolean complete,
                                                                   String status) {
        ObjectNode c = Samples.tree("05-cigna-psychosis-attested");
        ObjectNode request = (ObjectNode) c.get("request");
        request.put("indication", "MDSI");
        ObjectNode concurrent = request.putObject("concurrentAntidepressant").put("drug", drug);
        if (drugClass != null) {
            concurrent.put("drugClass", drugClass);
        }
        ((ObjectNode) c.get("screening")).put("acuteSuicidality", true);
        Response created = api.post("/api/v1/cases", BILLING, Samples.json(c));
        assertThat(created.status()).isEqualTo(201);

        JsonNode report = api.get(created.location() + "/completeness", BILLING).json();

        assertThat(report.get("complete").asBoolean()).isEqualTo(complete);
        JsonNode criterion = criterion(report, "CONCURRENT_ANTIDEPRESSANT");
        assertThat(criterion.get("status").asString()).as(criterion.toString()).isEqualTo(status);
        if (!complete) {
            assertThat(criterion.get("detail").asString()).startsWith(drug + " is an augmentation agent (")
                    .endsWith("), not an antidepressant");
        }
    }

    private static JsonNode criterion(JsonNode report, String id) {
        for (JsonNode c : report.get("criteria")) {
            if (c.get("id").asString().equals(id)) {
                return c;
            }
        }
        throw new AssertionError(id + " not in " + report);
    }
}

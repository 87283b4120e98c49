package dev.authpack.fhir;

import static dev.authpack.fhir.FhirTestSupport.BILLING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The exported bundle against the PAS structural rules (shared/fhir/README.md and the PAS request
 * bundle profile): read as plain JSON, not through the code that wrote it.
 */
@SharedServiceTest
class PasBundleStructureTest {

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"01-complete-esketamine", "02-one-failed-trial", "04-stale-severity"})
    void exportedBundlesFollowThePasRules(String sample) throws Exception {
        String id = create(Samples.text(sample));
        Response packet = api.post("/api/v1/cases/" + id + "/packet?exception=" + !sample.startsWith("01"), BILLING,
                new byte[0], null);
        assertThat(packet.status()).as(packet.text()).isEqualTo(201);
        JsonNode kase = api.get("/api/v1/cases/" + id, BILLING).json();

        JsonNode bundle = export(id);

        assertStructure(bundle);
        JsonNode claim = bundle.get("entry").get(0).get("resource");
        assertThat(claim.get("item")).hasSize(kase.get("request").get("lines").size());
        JsonNode item = claim.get("item").get(0);
        assertThat(item.get("productOrService").get("coding").get(0).get("code").asString())
                .isEqualTo(kase.get("request").get("lines").get(0).get("code").asString());
        assertThat(item.get("quantity").get("value").asInt()).isEqualTo(kase.get("request").get("sessions").asInt()
                * kase.get("request").get("lines").get(0).get("unitsPerSession").asInt());
        assertThat(item.get("servicedDate").asString()).isEqualTo(kase.get("request").get("startDate").asString());
        assertThat(claim.get("diagnosis").get(0).get("diagnosisCodeableConcept").get("coding").get(0).get("code").asString())
                .isEqualTo(kase.get("diagnosis").get("icd10").asString());
        assertThat(supporting(bundle, "MedicationStatement")).hasSize(kase.get("medicationTrials").size());
        assertThat(supporting(bundle, "Procedure")).hasSize(kase.get("psychotherapy").size());
        assertThat(supporting(bundle, "Observation")).hasSizeGreaterThanOrEqualTo(kase.get("assessments").size());
        List<JsonNode> documents = supporting(bundle, "DocumentReference");
        assertThat(documents).hasSize(1);
        JsonNode attachment = documents.get(0).get("content").get(0).get("attachment");
        assertThat(attachment.get("contentType").asString()).isEqualTo("application/pdf");
        byte[] pdf = Base64.getDecoder().decode(attachment.get("data").asString());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(packet.json().get("pages").asInt());
        }
    }

    @Test
    void aCaseWithoutAPacketHasNoDocumentReferenceAndStillFollowsTheRules() {
        String id = create(Samples.text("03-self-pay-ketamine"));

        JsonNode bundle = export(id);

        assertStructure(bundle);
        assertThat(resources(bundle, "DocumentReference")).isEmpty();
    }

    private String create(String json) {
        Response created = api.post("/api/v1/cases", BILLING, json);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private JsonNode export(String id) {
        Response r = api.get("/api/v1/cases/" + id + "/fhir/pas-bundle", BILLING);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/fhir+json");
        return r.json();
    }

    /** Collection; Claim first with use preauthorization and its required elements; references resolve; each resource once. */
    static void assertStructure(JsonNode bundle) {
        assertThat(bundle.get("resourceType").asString()).isEqualTo("Bundle");
        assertThat(bundle.get("type").asString()).isEqualTo("collection");
        JsonNode claim = bundle.get("entry").get(0).get("resource");
        assertThat(claim.get("resourceType").asString()).isEqualTo("Claim");
        assertThat(claim.get("use").asString()).isEqualTo("preauthorization");
        assertThat(claim.get("status").asString()).isEqualTo("active");
        for (String required : List.of("type", "patient", "created", "insurer", "provider", "priority", "insurance")) {
            assertThat(claim.has(required)).as("Claim." + required).isTrue();
        }
        assertThat(claim.get("insurance").get(0).get("coverage").get("reference").asString()).isNotBlank();
        Set<String> fullUrls = new HashSet<>();
        Set<String> resourceIds = new HashSet<>();
        for (JsonNode entry : bundle.get("entry")) {
            assertThat(fullUrls.add(entry.get("fullUrl").asString())).as("fullUrl once: " + entry.get("fullUrl")).isTrue();
            JsonNode r = entry.get("resource");
            assertThat(resourceIds.add(r.get("resourceType").asString() + "/" + r.get("id").asString())).isTrue();
        }
        List<String> references = new ArrayList<>();
        collectReferences(bundle, references);
        assertThat(fullUrls).containsAll(references);
        Set<String> referenced = new HashSet<>(references);
        for (JsonNode entry : bundle.get("entry")) {
            if (entry != bundle.get("entry").get(0)) {
                assertThat(referenced).as("every resource is reached from the Claim's bundle").contains(entry.get("fullUrl").asString());
            }
        }
    }

    private static void collectReferences(JsonNode node, List<String> out) {
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                JsonNode v = node.get(name);
                if (name.equals("reference") && v.isString()) {
                    out.add(v.asString());
                } else {
                    collectReferences(v, out);
                }
            }
        } else if (node.isArray()) {
            node.forEach(e -> collectReferences(e, out));
        }
    }

    private static List<JsonNode> supporting(JsonNode bundle, String type) {
        JsonNode claim = bundle.get("entry").get(0).get("resource");
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode info : claim.path("supportingInfo")) {
            String ref = info.get("valueReference").get("reference").asString();
            for (JsonNode entry : bundle.get("entry")) {
                if (entry.get("fullUrl").asString().equals(ref) && entry.get("resource").get("resourceType").asString().equals(type)) {
                    out.add(entry.get("resource"));
                }
            }
        }
        return out;
    }

    private static List<JsonNode> resources(JsonNode bundle, String type) {
        List<JsonNode> out = new ArrayList<>();
        bundle.get("entry").forEach(e -> {
            if (e.get("resource").get("resourceType").asString().equals(type)) {
                out.add(e.get("resource"));
            }
        });
        return out;
    }
}

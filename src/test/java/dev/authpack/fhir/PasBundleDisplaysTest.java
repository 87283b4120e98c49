package dev.authpack.fhir;

import static dev.authpack.fhir.FhirTestSupport.BILLING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each coding the export writes shows its code system's own display (or none), never Authpack's enum
 * name: a receiver that prints displays prints what the code means.
 */
@SharedServiceTest
class PasBundleDisplaysTest {

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private JsonNode export(String sample) {
        String id = api.post("/api/v1/cases", BILLING, Samples.text(sample)).json().get("id").asString();
        return JsonMapper.builder().build().readTree(api.get("/api/v1/cases/" + id + "/fhir/pas-bundle", BILLING).text());
    }

    private static JsonNode resource(JsonNode bundle, String type) {
        for (JsonNode e : bundle.get("entry")) {
            if (e.get("resource").get("resourceType").asString().equals(type)) {
                return e.get("resource");
            }
        }
        throw new AssertionError("no " + type);
    }

    @Test
    void codingsCarryTheirCodeSystemsDisplayNotAnEnumName() {
        JsonNode bundle = export("01-complete-esketamine");

        assertThat(resource(bundle, "Coverage").at("/type/coding/0/display").asString()).isEqualTo("PRIVATE HEALTH INSURANCE");
        JsonNode specialty = resource(bundle, "PractitionerRole").at("/specialty/0/coding/0");
        assertThat(specialty.get("code").asString()).isEqualTo("2084P0800X");
        assertThat(specialty.get("display").asString()).isEqualTo("Psychiatry");
        assertThat(resource(bundle, "ServiceRequest").at("/code/coding/0/display").asString()).isEqualTo("Esketamine (nasal spray)");
        assertThat(resource(bundle, "Claim").at("/priority/coding/0/display").asString()).isIn("Immediate", "Normal");

        List<String> enumLike = new ArrayList<>();
        collectDisplays(bundle, enumLike);
        assertThat(enumLike).as("displays that are enum names").isEmpty();
    }

    @Test
    void selfPayIsDisplayedAsTheSelfPayCodeSystemSaysIt() {
        JsonNode bundle = export("03-self-pay-ketamine");

        assertThat(resource(bundle, "Coverage").at("/type/coding/0/display").asString()).isEqualTo("Pay");
        assertThat(resource(bundle, "ServiceRequest").at("/code/coding/0/display").asString()).isEqualTo("Ketamine (IV infusion)");
    }

    /** Every display that reads like a constant (PSYCHIATRY, KETAMINE_IV, PHQ9); SOPT's own displays are upper case. */
    private static void collectDisplays(JsonNode node, List<String> out) {
        if (node.isObject()) {
            JsonNode display = node.get("display");
            boolean sopt = node.has("system") && node.get("system").asString().equals(FhirCodes.PAYMENT_TYPOLOGY_OID);
            if (display != null && display.isString() && !sopt && display.asString().matches("[A-Z0-9_]+")) {
                out.add(node.toString());
            }
            node.forEach(child -> collectDisplays(child, out));
        } else if (node.isArray()) {
            node.forEach(child -> collectDisplays(child, out));
        }
    }
}

package dev.authpack.fhir;

import static dev.authpack.fhir.FhirTestSupport.BILLING;
import static dev.authpack.fhir.FhirTestSupport.importBundle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A bundle the service exported, edited by hand so that one element holds what FHIR does not allow there
 * (a code outside its value set, a number or a boolean for a code, an object for a string, an invalid
 * integer or date, a value given only as an extension), is never a 500: the import goes on without that
 * value and lists it under {@code ignored}, naming the resource and the element but not the value.
 * Real HTTP: export through the API, edit the JSON, import through the API.
 */
@SharedServiceTest
class FhirEditedBundleTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** A value FHIR allows in no element: it marks an element given only as an extension (data absent). */
    private static final String ABSENT = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /**
     * One broken element per row. {@code listedAs} is how the ignored list must name it: a line starting with
     * the resource type (or "Bundle: parser") that contains the fragment; null for a value given only as an
     * extension, which FHIR allows (the element is absent, as data-absent-reason says).
     */
    record Edit(String name, String type, Consumer<ObjectNode> change, String listedAs, String fragment,
                Consumer<JsonNode> caseCheck) {

        Edit(String name, String type, Consumer<ObjectNode> change, String fragment) {
            this(name, type, change, type + "/", fragment, kase -> { });
        }

        Edit checking(Consumer<JsonNode> check) {
            return new Edit(name, type, change, listedAs, fragment, check);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Edit> brokenElements() {
        return Stream.of(
                // the audit's three findings
                new Edit("Patient.gender \"robot\"", "Patient", r -> r.put("gender", "robot"), "gender is not a valid code")
                        .checking(kase -> assertThat(kase.get("patient").has("sex")).isFalse()),
                new Edit("Patient.gender the number 5", "Patient", r -> r.put("gender", 5), "gender is not a valid code")
                        .checking(kase -> assertThat(kase.get("patient").has("sex")).isFalse()),
                new Edit("Patient.gender true", "Patient", r -> r.put("gender", true), "gender is not a valid code")
                        .checking(kase -> assertThat(kase.get("patient").has("sex")).isFalse()),
                new Edit("MedicationStatement.status \"robot\"", "MedicationStatement", r -> r.put("status", "robot"),
                        "status is not a valid code")
                        .checking(kase -> assertThat(kase.get("medicationTrials")).hasSize(2)),
                new Edit("Coverage.type.coding[0].system an object", "Coverage",
                        r -> coding(r.get("type")).putObject("system").put("value", "urn:oid:2.16.840.1.113883.3.221.5"),
                        "plan type")
                        .checking(kase -> assertThat(kase.get("coverage").has("planType")).isFalse()),
                // the other coded elements of the resources the import reads
                new Edit("Patient.gender given only as an extension", "Patient",
                        r -> { r.remove("gender"); r.set("_gender", absent()); }, null, null,
                        kase -> assertThat(kase.get("patient").has("sex")).isFalse()),
                new Edit("Patient.name[0].use \"robot\"", "Patient", r -> first(r, "name").put("use", "robot"),
                        "name[0].use is not a valid code")
                        .checking(kase -> assertThat(kase.get("patient").get("firstName").asString()).isEqualTo("Dana")),
                new Edit("Patient.identifier[0].use \"robot\"", "Patient", r -> first(r, "identifier").put("use", "robot"),
                        "identifier[0].use is not a valid code"),
                new Edit("Patient.identifier[0].type.coding[0].system an object", "Patient",
                        r -> coding(first(r, "identifier").get("type")).putObject("system").put("value", FhirCodes.IDENTIFIER_TYPE),
                        "Bundle: parser", "unknown element",
                        kase -> assertThat(kase.get("patient").get("memberId").asString()).isEqualTo("XJH123456789")),
                new Edit("Patient.birthDate \"robot\"", "Patient", r -> r.put("birthDate", "robot"),
                        "birthDate is not a valid date")
                        .checking(kase -> assertThat(kase.get("patient").has("dateOfBirth")).isFalse()),
                new Edit("Claim.use \"robot\"", "Claim", r -> r.put("use", "robot"), "use is not a valid code"),
                new Edit("Claim.status 7", "Claim", r -> r.put("status", 7), "status is not a valid code"),
                new Edit("Claim.priority.coding[0].code an object", "Claim",
                        r -> coding(r.get("priority")).putObject("code").put("value", "stat"), "Bundle: parser", "unknown element",
                        kase -> assertThat(kase.get("request").path("urgent").asBoolean(false)).isFalse()),
                new Edit("Claim.item[0].sequence \"first\" with a code Authpack does not read", "Claim", r -> {
                    ObjectNode item = first(r, "item");
                    item.put("sequence", "first");
                    coding(item.get("productOrService")).put("system", "http://example.org/local-codes");
                }, "item[0].sequence is not a valid positiveInt"),
                new Edit("Coverage.beneficiary.reference given only as an extension", "Coverage",
                        r -> { r.remove("beneficiary"); r.putObject("beneficiary").set("_reference", absent()); }, null, null,
                        kase -> assertThat(kase.get("coverage").get("planType").asString()).isEqualTo("COMMERCIAL")),
                new Edit("Coverage.status \"robot\"", "Coverage", r -> r.put("status", "robot"), "status is not a valid code"),
                new Edit("Coverage.type.coding[0].code given only as an extension", "Coverage", r -> {
                    ObjectNode c = coding(r.get("type"));
                    c.remove("code");
                    c.set("_code", absent());
                }, "plan type")
                        .checking(kase -> assertThat(kase.get("coverage").has("planType")).isFalse()),
                new Edit("Coverage in-network extension valueBoolean \"maybe\"", "Coverage",
                        r -> first(r, "extension").put("valueBoolean", "maybe"), "extension[0].valueBoolean is not a valid boolean"),
                new Edit("Observation.status \"robot\"", "Observation", r -> r.put("status", "robot"),
                        "status is not a valid code")
                        .checking(kase -> assertThat(kase.get("assessments")).hasSize(1)),
                new Edit("Observation.valueInteger \"high\"", "Observation", r -> r.put("valueInteger", "high"),
                        "valueInteger is not a valid integer"),
                new Edit("Condition.clinicalStatus a string for a CodeableConcept", "Condition",
                        r -> r.put("clinicalStatus", "active"), "Bundle: parser", "clinicalStatus",
                        kase -> assertThat(kase.get("diagnosis").get("icd10").asString()).isEqualTo("F33.2")),
                new Edit("Condition.onsetDateTime \"last winter\"", "Condition", r -> r.put("onsetDateTime", "last winter"),
                        "onsetDateTime is not a valid dateTime"),
                new Edit("Procedure.status \"robot\"", "Procedure", r -> r.put("status", "robot"), "status is not a valid code")
                        .checking(kase -> assertThat(kase.get("psychotherapy")).hasSize(1)),
                new Edit("ServiceRequest.priority \"robot\"", "ServiceRequest", r -> r.put("priority", "robot"),
                        "priority is not a valid code")
                        .checking(kase -> assertThat(kase.get("request").path("urgent").asBoolean(false)).isFalse()),
                new Edit("ServiceRequest.intent \"robot\"", "ServiceRequest", r -> r.put("intent", "robot"),
                        "intent is not a valid code"),
                new Edit("Practitioner.telecom[0].system \"robot\"", "Practitioner", r -> first(r, "telecom").put("system", "robot"),
                        "telecom[0].system is not a valid code"),
                new Edit("Practitioner.identifier[0].value given only as an extension", "Practitioner", r -> {
                    ObjectNode id = first(r, "identifier");
                    id.remove("value");
                    id.set("_value", absent());
                }, null, null, kase -> assertThat(kase.get("prescriber").has("npi")).isFalse()),
                new Edit("Organization.type.coding[0].code given only as an extension, the facility found without the Claim",
                        "Bundle", bundle -> {
                    resource(bundle, "Claim").remove("provider");
                    resource(bundle, "PractitionerRole").remove("organization");
                    for (JsonNode entry : bundle.get("entry")) {
                        JsonNode r = entry.get("resource");
                        if (r.get("resourceType").asString().equals("Organization") && !r.has("identifier")) {
                            continue; // the payer
                        }
                        if (r.get("resourceType").asString().equals("Organization")) {
                            ObjectNode c = coding(r.get("type").get(0));
                            c.remove("code");
                            c.set("_code", absent());
                        }
                    }
                }, null, null, kase -> assertThat(kase.get("facility").get("name").asString()).isEqualTo("North Clinic")),
                new Edit("MedicationStatement.dosage[0].timing.repeat.frequency \"twice\"", "MedicationStatement", r -> {
                    ObjectNode dosage = first(r, "dosage");
                    ObjectNode dose = (ObjectNode) first(dosage, "doseAndRate").get("doseQuantity");
                    dose.put("unit", "mg").put("code", "mg");
                    dosage.putObject("timing").putObject("repeat").put("frequency", "twice").put("period", 1).put("periodUnit", "d");
                }, "dosage[0].timing.repeat.frequency is not a valid positiveInt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenElements")
    void anExportedBundleWithOneBrokenElementImportsWithoutItAndSaysSoNeverA500(Edit edit) {
        ObjectNode bundle = exported();
        edit.change().accept(edit.type().equals("Bundle") ? bundle : resource(bundle, edit.type()));

        Response r = importBundle(api, bundle.toString());

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode kase = r.json().get("case");
        assertThat(kase.get("patient").get("lastName").asString()).as("the rest of the bundle still comes in").isEqualTo("Reyes");
        List<String> ignored = texts(r.json().get("ignored"));
        if (edit.listedAs() != null) {
            assertThat(ignored).as("listed under ignored").anyMatch(line -> line.startsWith(edit.listedAs())
                    && line.contains(edit.fragment()));
        }
        assertThat(String.join("\n", ignored)).as("element names only, never the value")
                .doesNotContain("robot", "first", "maybe", "high", "last winter", "twice");
        edit.caseCheck().accept(kase);
    }

    private ObjectNode exported() {
        String id = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json().get("id").asString();
        Response r = api.get("/api/v1/cases/" + id + "/fhir/pas-bundle", BILLING);
        assertThat(r.status()).isEqualTo(200);
        return (ObjectNode) r.json();
    }

    private static ObjectNode resource(ObjectNode bundle, String type) {
        for (JsonNode entry : bundle.get("entry")) {
            if (type.equals(entry.get("resource").get("resourceType").asString())) {
                return (ObjectNode) entry.get("resource");
            }
        }
        throw new IllegalArgumentException("the exported bundle has no " + type);
    }

    private static ObjectNode first(ObjectNode parent, String member) {
        return (ObjectNode) parent.get(member).get(0);
    }

    private static ObjectNode coding(JsonNode concept) {
        return (ObjectNode) concept.get("coding").get(0);
    }

    private static ObjectNode absent() {
        ObjectNode element = JSON.objectNode();
        ArrayNode extension = element.putArray("extension");
        extension.addObject().put("url", ABSENT).put("valueCode", "unknown");
        return element;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}

package dev.authpack.fhir;

import static dev.authpack.fhir.FhirTestSupport.ADMIN;
import static dev.authpack.fhir.FhirTestSupport.BILLING;
import static dev.authpack.fhir.FhirTestSupport.CLINIC;
import static dev.authpack.fhir.FhirTestSupport.SOUTH;
import static dev.authpack.fhir.FhirTestSupport.bundle;
import static dev.authpack.fhir.FhirTestSupport.importBundle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.JsonEdits;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The FHIR endpoints over real HTTP with real inputs: the published PAS bundles, bad bodies, roles, audit. */
@SharedServiceTest
class FhirApiTest {

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /** PAS 2.x names X12 code systems https://codesystem.x12.org/... (PAS 1.1, as in the published examples, http://). */
    @Test
    void anUrgentLevelOfServiceIsReadAsPas2WritesIt() {
        String pas2 = new String(bundle("conformant_pas_bundle_v110"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("http://codesystem.x12.org/005010/1338", "https://codesystem.x12.org/005010/1338");
        assertThat(pas2).contains("https://codesystem.x12.org/005010/1338");

        Response r = importBundle(api, pas2);

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("case").get("request").get("urgent").asBoolean()).as(r.text()).isTrue();
    }

    /**
     * A level-of-service coding without a system (FHIR's {@code Coding.system} is 0..1) stopped the import
     * with a NullPointerException, answered "the bundle could not be read: the import stopped at Claim/…"
     * (session 34's bad-input review). Without a system the code says nothing about urgency: the rest imports.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no system| \"system\": \"http://codesystem.x12.org/005010/1338\",|",
        "a system that is not text| \"http://codesystem.x12.org/005010/1338\"| {\"x\": 1}"})
    void aLevelOfServiceCodingWithoutASystemImportsTheRest(String what, String published, String replacement) {
        String text = new String(bundle("conformant_pas_bundle_v110"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains(published.strip());
        String edited = text.replace(published.strip(), replacement == null ? "" : replacement.strip());

        Response r = importBundle(api, edited);

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.text()).doesNotContain("could not be read");
        assertThat(r.json().get("case").get("patient").get("lastName").asString()).isEqualTo("SMITH");
        assertThat(r.json().get("case").get("request").path("urgent").asBoolean(false)).as(r.text()).isFalse();
    }

    /**
     * Bytes that are not UTF-8 inside a name (found by tools/fhir-fuzz): an overlong sequence and an encoded
     * surrogate passed the JSON check and were saved as U+FFFD, changing the patient's name without a word.
     * Now each is refused naming the element, like a Latin-1 byte, and no draft is stored.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"an overlong '/', C0AF", "an encoded surrogate (CESU-8), EDA080", "a Latin-1 e-acute, E9"})
    void bytesThatAreNotUtf8AreRefusedNamingTheElement(String what, String hex) {
        byte[] published = bundle("conformant_pas_bundle_v110");
        String text = new String(published, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\"SMITH\"") + 3;
        byte[] bad = java.util.HexFormat.of().parseHex(hex);
        byte[] body = new byte[published.length + bad.length];
        System.arraycopy(published, 0, body, 0, at);
        System.arraycopy(bad, 0, body, at, bad.length);
        System.arraycopy(published, at, body, at + bad.length, published.length - at);
        int cases = api.get("/api/v1/cases", BILLING).json().size();

        Response r = importBundle(api, body);

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("entry[4].resource.name[0].family");
        assertThat(error.get("message").asString()).startsWith("is not UTF-8 text");
        assertThat(api.get("/api/v1/cases", BILLING).json().size()).isEqualTo(cases);
    }

    /** RFC 8259 lets a parser skip a UTF-8 byte order mark (Windows editors write one); HAPI's did not: a 400 that named nothing. */
    @Test
    void aBundleSavedWithAByteOrderMarkImports() {
        byte[] published = bundle("conformant_pas_bundle_v110");
        byte[] body = new byte[published.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(published, 0, body, 3, published.length);

        Response r = importBundle(api, body);

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("case").get("patient").get("lastName").asString()).isEqualTo("SMITH");
    }

    /**
     * A narrative whose {@code div} is null (found by tools/fhir-fuzz): HAPI's XHTML value throws a plain Error
     * when asked for its text, which escaped the import as a 500 with a stack trace in the log. The narrative is
     * not read; the rest imports.
     */
    @Test
    void aNarrativeWhoseDivIsNullImportsTheRest() {
        JsonNode published = JsonMapper.builder().build().readTree(bundle("conformant_pas_bundle_v110_multiple_items"));
        ObjectNode patient = null;
        for (JsonNode entry : published.get("entry")) {
            if ("Patient".equals(entry.get("resource").get("resourceType").asString())) {
                patient = (ObjectNode) entry.get("resource");
            }
        }
        ((ObjectNode) patient.get("text")).putNull("div");

        Response r = importBundle(api, published.toString());

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("case").get("patient").get("lastName").asString()).isEqualTo("SMITH");
    }

    /**
     * The contract's import answers "the created draft case", and a case carries its read-only
     * {@code authorization} wherever the API shows it. The answer's case lacked it, so a client reading
     * {@code case.authorization.status} of the draft it had just made found nothing.
     */
    @Test
    void theImportedCaseIsTheCaseAsTheApiShowsItWithItsAuthorization() {
        Response r = importBundle(api, bundle("conformant_pas_bundle_v110"));

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode kase = r.json().get("case");
        assertThat(kase.path("authorization").path("status").asString()).as(r.text()).isEqualTo("NOT_SUBMITTED");
        assertThat(kase.path("authorization").path("sessionsUsed").asInt(-1)).isZero();
        Response read = api.get("/api/v1/cases/" + kase.get("id").asString(), BILLING);
        assertThat(kase).isEqualTo(read.json());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"conformant_pas_bundle_v110", "conformant_pas_bundle_v110_multiple_items",
        "conformant_pas_bundle_v110_uuid", "valid_pa_response_bundle", "valid_pa_response_bundle_denial"})
    void publishedBundlesImportWithWhatTheyCarryMappedAndTheRestListed(String name) {
        Response r = importBundle(api, bundle(name));

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode kase = r.json().get("case");
        assertThat(kase.get("patient").get("firstName").asString()).isEqualTo("JOE");
        assertThat(kase.get("patient").get("lastName").asString()).isEqualTo("SMITH");
        assertThat(kase.get("patient").get("sex").asString()).isEqualTo("male");
        assertThat(kase.get("status").asString()).isEqualTo("DRAFT");
        assertThat(kase.get("prescriber").get("name").asString()).isEqualTo("SUSAN WATSON");
        List<String> mapped = texts(r.json().get("mapped"));
        List<String> ignored = texts(r.json().get("ignored"));
        assertThat(mapped).anyMatch(m -> m.startsWith("Patient/") && m.contains("patient.lastName"));
        // the example NPIs are not valid NPIs (9 digits; a failed check digit): refused field by field, not silently
        assertThat(ignored).anyMatch(i -> i.startsWith("Practitioner/") && i.contains("prescriber.npi left out"));
        if (name.startsWith("conformant")) {
            assertThat(kase.get("patient").get("memberId").asString()).isEqualTo("12345678901");
            assertThat(kase.get("coverage").get("payerName").asString()).isEqualTo("MARYLAND CAPITAL INSURANCE COMPANY");
            assertThat(kase.get("diagnosis").get("icd10").asString()).isEqualTo("G89.4");
            assertThat(kase.get("facility").get("name").asString()).isEqualTo("DR. JOE SMITH CORPORATION");
            assertThat(kase.get("request").get("urgent").asBoolean()).isTrue();
            assertThat(ignored).anyMatch(i -> i.contains("is not a HCPCS or CPT code"));
        } else {
            assertThat(ignored).anyMatch(i -> i.startsWith("ClaimResponse/")
                    && i.endsWith("Authpack has no use for ClaimResponse resources"));
        }
        for (String line : ignored) {
            assertThat(line).as("every ignored line names its resource and a reason").matches("^[A-Za-z]+(/[^:]+)?: .+");
        }
    }

    @Test
    void aConcurrentTherapyTheCaseDoesNotKnowIsLeftOutAloneAndListed() {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("screening")).putArray("concurrentTherapies").add("TMS").add("VNS").add("ECT");
        String id = api.post("/api/v1/cases", BILLING, Samples.json(c)).json().get("id").asString();
        String exported = api.get("/api/v1/cases/" + id + "/fhir/pas-bundle", BILLING).text();
        String changed = exported.replace("\"code\": \"VNS\"", "\"code\": \"HYPNOSIS\"");
        assertThat(changed).isNotEqualTo(exported);

        Response r = importBundle(api, changed);

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("case").get("screening").get("concurrentTherapies").toString()).isEqualTo("[\"TMS\",\"ECT\"]");
        assertThat(texts(r.json().get("ignored"))).anyMatch(line -> line.startsWith("Observation/")
                && line.contains("screening.concurrentTherapies element left out"));
    }

    @Test
    void aBundleThatIsNotAPasRequestIsRefusedNamingWhatIsMissing() {
        Response r = importBundle(api, bundle("nonconformant_pas_bundle_v110"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("entry");
        assertThat(r.json().get("detail").asString()).contains("no Patient");
    }

    @Test
    void aReferenceTheBundleCannotResolveIsRefusedNamingTheReference() {
        Response r = importBundle(api, bundle("missing_referenced_resource_request_bundle"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("entry[0].resource");
        assertThat(error.get("message").asString()).isEqualTo("Claim/ReferralAuthorizationExample references "
                + "Practitioner/ReferralPractitionerExample, which is not in the bundle");
    }

    @Test
    void aMissingResourceReferencedTwiceByOneResourceIsNamedOnce() {
        ObjectNode bundle = (ObjectNode) JsonMapper.builder().build()
                .readTree(bundle("missing_referenced_resource_request_bundle"));
        // the claim's care team already names this practitioner, who is not in the bundle
        JsonEdits.set(bundle, "entry[0].resource.enterer", "{\"reference\": \"Practitioner/ReferralPractitionerExample\"}");

        Response r = importBundle(api, bundle.toString());

        assertThat(r.status()).isEqualTo(400);
        assertThat(texts(r.json().get("errors"), "message")).containsExactly("Claim/ReferralAuthorizationExample "
                + "references Practitioner/ReferralPractitionerExample, which is not in the bundle");
    }

    /**
     * Two entries under one fullUrl (found by tools/fhir-fuzz): references to it resolved to the first silently,
     * so the case took one of two patients without a word. FHIR wants each entry's own (bdl-7).
     */
    @Test
    void twoEntriesUnderOneFullUrlAreRefusedNamingTheSecond() {
        ObjectNode bundle = (ObjectNode) JsonMapper.builder().build().readTree(bundle("conformant_pas_bundle_v110"));
        JsonNode entries = bundle.get("entry");
        int patient = -1;
        for (int i = 0; i < entries.size(); i++) {
            if ("Patient".equals(entries.get(i).get("resource").get("resourceType").asString())) {
                patient = i;
            }
        }
        assertThat(patient).as("the published bundle has a patient").isNotNegative();
        ObjectNode second = (ObjectNode) entries.get(patient).deepCopy();
        ((ObjectNode) second.get("resource")).put("id", "AnotherPatient");
        ((ArrayNode) entries).add(second);

        Response r = importBundle(api, bundle.toString());

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("entry[" + (entries.size() - 1) + "].fullUrl");
        assertThat(error.get("message").asString()).startsWith("the same fullUrl as entry[" + patient + "]");
    }

    @Test
    void badBodiesAreClientErrorsNamingTheProblem() {
        Response notJson = importBundle(api, "{\"resourceType\": \"Bundle\", ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("detail").asString()).contains("not valid JSON");

        Response notFhir = importBundle(api, "{\"hello\": \"world\"}");
        assertThat(notFhir.status()).isEqualTo(400);
        assertThat(notFhir.json().get("errors").get(0).get("field").asString()).isEqualTo("resourceType");

        Response notBundle = importBundle(api, "{\"resourceType\": \"Patient\", \"gender\": \"female\"}");
        assertThat(notBundle.status()).isEqualTo(400);
        assertThat(notBundle.json().get("detail").asString()).contains("must be Bundle, not Patient");

        Response twice = importBundle(api, "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": ["
                + "{\"resource\": {\"resourceType\": \"Patient\", \"gender\": \"female\", \"gender\": \"male\"}}]}");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("errors").get(0).get("field").asString()).isEqualTo("entry[0].resource.gender");
        assertThat(twice.json().get("errors").get(0).get("message").asString()).contains("given twice");

        Response xml = api.post("/api/v1/fhir/import", BILLING, "<Bundle/>".getBytes(), "application/fhir+xml");
        assertThat(xml.status()).isEqualTo(415);
        assertThat(xml.contentType()).startsWith("application/problem+json");

        Response plainJson = api.post("/api/v1/fhir/import", BILLING, bundle("conformant_pas_bundle_v110_uuid"),
                "application/json");
        assertThat(plainJson.status()).isEqualTo(201);
    }

    /**
     * A null or a non-object that HAPI's parser does not survive was answered "the bundle could not be read"
     * without saying where (audit s20: mutated bundles); it is a bad shape like any other, named by its place.
     * So is a list of them as an entry's resource (session 34's review: {@code "resource": [5]} still was).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "entry[1].resource| {\"resource\": null}",
        "entry[0].resource.extension[0]| {\"resource\": {\"resourceType\": \"Observation\", \"extension\": [null]}}",
        "entry[0].resource.modifierExtension[1]| {\"resource\": {\"resourceType\": \"Observation\", "
            + "\"modifierExtension\": [{\"url\": \"http://example.org/x\", \"valueBoolean\": true}, null]}}",
        "entry[0].resource.code.coding[0].extension[0]| {\"resource\": {\"resourceType\": \"Observation\", "
            + "\"code\": {\"coding\": [{\"extension\": [null], \"code\": \"x\"}]}}}",
        "entry[0].extension[0]| {\"extension\": [null], \"resource\": {\"resourceType\": \"Observation\"}}",
        "entry[1].resource| {\"resource\": \"\"}",
        "entry[1].resource| {\"resource\": 5}",
        "entry[1].resource[0]| {\"resource\": [5]}",
        "entry[1].resource[0]| {\"resource\": [null]}",
        "entry[0].resource.extension[0]| {\"resource\": {\"resourceType\": \"Observation\", \"extension\": [\"\"]}}",
        "entry[0].resource.extension[1]| {\"resource\": {\"resourceType\": \"Observation\", "
            + "\"extension\": [{\"url\": \"http://example.org/x\", \"valueBoolean\": true}, true]}}",
        "entry[0].resource.extension[0]| {\"resource\": {\"resourceType\": \"Observation\", \"extension\": [[]]}}",
        "entry[0].resource.extension| {\"resource\": {\"resourceType\": \"Observation\", \"extension\": \"x\"}}",
        "entry[0].resource.modifierExtension| {\"resource\": {\"resourceType\": \"Observation\", \"modifierExtension\": 5}}",
        "entry[0].resource.extension| {\"resource\": {\"resourceType\": \"Observation\", "
            + "\"extension\": {\"url\": \"http://example.org/x\", \"valueBoolean\": true}}}"})
    void aNullOrScalarWhereFhirHasAnObjectIsA400NamingItsPlace(String field, String entry) {
        String patient = "{\"resource\": {\"resourceType\": \"Patient\", \"name\": [{\"family\": \"Reyes\"}]}}";
        String entries = field.startsWith("entry[1]") ? patient + ", " + entry : entry + ", " + patient;

        Response r = importBundle(api, "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": ["
                + entries + "]}");

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("message").asString()).containsPattern("^is (null|not an object|not a list), where");
        assertThat(r.text()).doesNotContain("could not be read");
    }

    /**
     * Relative references resolve against the entries' RESTful fullUrls, as FHIR says, also when the resources
     * leave their ids out (found by tools/fhir-fuzz: the published bundle without ids was refused, "Claim/…
     * references Patient/SubscriberExample, which is not in the bundle").
     */
    @Test
    void relativeReferencesResolveByTheFullUrlWhenResourcesHaveNoIds() {
        JsonNode published = JsonMapper.builder().build().readTree(bundle("conformant_pas_bundle_v110"));
        published.get("entry").forEach(entry -> ((ObjectNode) entry.get("resource")).remove("id"));

        Response r = importBundle(api, published.toString());

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode kase = r.json().get("case");
        assertThat(kase.get("patient").get("lastName").asString()).isEqualTo("SMITH");
        assertThat(kase.get("coverage").get("payerName").asString()).isEqualTo("MARYLAND CAPITAL INSURANCE COMPANY");
        assertThat(kase.get("facility").get("name").asString()).isEqualTo("DR. JOE SMITH CORPORATION");
    }

    /**
     * A resourceType inside the bundle that names no R4 type (found by tools/fhir-fuzz): HAPI stopped the whole
     * parse and the answer named the bundle's own {@code resourceType} ("not a FHIR R4 resource … Authpack can
     * read"), not the entry that was wrong.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "entry[0].resource.resourceType| is not an R4 resource type| {\"resource\": {\"resourceType\": \"Patinet\"}}",
        "entry[0].resource.resourceType| is not an R4 resource type| {\"resource\": {\"resourceType\": \"patient\"}}",
        "entry[0].resource.resourceType| is not text| {\"resource\": {\"resourceType\": 5}}",
        "entry[0].resource.resourceType| is not text| {\"resource\": {\"resourceType\": [\"Observation\"]}}",
        "entry[0].resource.contained[0].resourceType| is not an R4 resource type| {\"resource\": {\"resourceType\": "
            + "\"Observation\", \"contained\": [{\"resourceType\": \"observation\", \"id\": \"o\"}]}}"})
    void aResourceTypeInsideTheBundleThatNamesNoR4TypeIsA400NamingIt(String field, String message, String entry) {
        String patient = "{\"resource\": {\"resourceType\": \"Patient\", \"name\": [{\"family\": \"Reyes\"}]}}";

        Response r = importBundle(api, "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": ["
                + entry + ", " + patient + "]}");

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("message").asString()).contains(message);
    }

    /**
     * Extensions nested 1,000 deep are valid JSON that the parser will not go into (its limit is 500 levels):
     * the answer said "the body is not valid JSON" and named nothing; now it names where and why.
     */
    @Test
    void extensionsNestedDeeperThanTheParserGoesAreA400NamingWhere() {
        String leaf = "{\"url\": \"http://example.org/leaf\", \"valueString\": \"x\"}";
        String nested = "{\"url\": \"http://example.org/x\", \"extension\": [".repeat(1000) + leaf + "]}".repeat(1000);

        Response r = importBundle(api, "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": ["
                + "{\"resource\": {\"resourceType\": \"Patient\", \"extension\": [" + nested + "]}}]}");

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString()).startsWith("entry[0].resource.extension[0].extension[0]");
        assertThat(error.get("message").asString()).contains("is nested more than 500 levels deep");
        assertThat(r.text()).doesNotContain("not valid JSON");
    }

    /** FHIR has text named {@code resource} too (a TestScript operation's resource type): only an entry's is an object. */
    @Test
    void aResourceCodeOutsideAnEntryIsNotTakenForAnEntrysResource() {
        Response r = importBundle(api, "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": ["
                + "{\"resource\": {\"resourceType\": \"Patient\", \"name\": [{\"family\": \"Reyes\"}]}}, "
                + "{\"resource\": {\"resourceType\": \"TestScript\", \"status\": \"draft\", \"name\": \"T\", "
                + "\"setup\": {\"action\": [{\"operation\": {\"resource\": \"Patient\", \"encodeRequestUrl\": true}}]}}}]}");

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("case").get("patient").get("lastName").asString()).isEqualTo("Reyes");
    }

    @Test
    void aNullInAListOfNamesStaysFhirsAlignmentMarkerAndImports() {
        Response r = importBundle(api, "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": ["
                + "{\"resource\": {\"resourceType\": \"Patient\", \"name\": [{\"family\": \"Reyes\", "
                + "\"given\": [\"Dana\", null], \"_given\": [null, {\"extension\": [{\"url\": \"http://example.org/x\", "
                + "\"valueString\": \"y\"}]}]}]}}]}");

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("case").get("patient").get("lastName").asString()).isEqualTo("Reyes");
    }

    @Test
    void importIsForBillingExportForBillingAndClinicAndAnotherClinicsCaseIsNotFound() {
        assertThat(api.post("/api/v1/fhir/import", CLINIC, bundle("conformant_pas_bundle_v110"), "application/fhir+json")
                .status()).isEqualTo(403);
        assertThat(api.post("/api/v1/fhir/import", ADMIN, bundle("conformant_pas_bundle_v110"), "application/fhir+json")
                .status()).isEqualTo(403);
        assertThat(api.post("/api/v1/fhir/import", null, bundle("conformant_pas_bundle_v110"), "application/fhir+json")
                .status()).isEqualTo(401);
        String id = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json().get("id").asString();

        assertThat(api.get("/api/v1/cases/" + id + "/fhir/pas-bundle", CLINIC).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/cases/" + id + "/fhir/pas-bundle", SOUTH).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/cases/not-a-case/fhir/pas-bundle", BILLING).status()).isEqualTo(404);
    }

    @Test
    void everyImportAndExportIsInTheAuditTrailWithIdsOnly() {
        String id = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json().get("id").asString();
        String packet = api.post("/api/v1/cases/" + id + "/packet", BILLING, new byte[0], null).json().get("id").asString();
        api.get("/api/v1/cases/" + id + "/fhir/pas-bundle", CLINIC);
        Response imported = importBundle(api, bundle("conformant_pas_bundle_v110"));
        String newId = imported.json().get("case").get("id").asString();

        JsonNode exports = api.get("/api/v1/audit?case=" + id + "&action=FHIR_EXPORTED", ADMIN).json();
        assertThat(exports.get("totalItems").asLong()).isEqualTo(1);
        JsonNode export = exports.get("items").get(0);
        assertThat(export.toString()).contains(packet).contains(CLINIC).doesNotContain("Reyes").doesNotContain("Dana");
        JsonNode imports = api.get("/api/v1/audit?case=" + newId + "&action=FHIR_IMPORTED", ADMIN).json();
        assertThat(imports.get("totalItems").asLong()).isEqualTo(1);
        assertThat(imports.get("items").get(0).toString()).doesNotContain("SMITH").doesNotContain("12345678901");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static List<String> texts(JsonNode array, String member) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(member).asString()));
        return out;
    }
}

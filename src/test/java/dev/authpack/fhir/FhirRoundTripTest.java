package dev.authpack.fhir;

import static dev.authpack.fhir.FhirTestSupport.BILLING;
import static dev.authpack.fhir.FhirTestSupport.caseData;
import static dev.authpack.fhir.FhirTestSupport.importBundle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Export a case as a PAS bundle, import the bundle: the same case comes back (real HTTP, real database). */
@SharedServiceTest
class FhirRoundTripTest {

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"01-complete-esketamine", "02-one-failed-trial", "03-self-pay-ketamine", "04-stale-severity",
        "05-cigna-psychosis-attested", "06-qualchoice-antidepressant-too-recent"})
    void publicSamplesComeBackUnchanged(String sample) {
        assertRoundTrip(Samples.text(sample), true);
    }

    /**
     * All thirteen v1.1 members at once: every yes/no true in one case and false in the other (false
     * must not come back absent), the therapies in an order that is neither the enum's nor sorted.
     */
    @ParameterizedTest(name = "yes/no members {0}")
    @ValueSource(booleans = {true, false})
    void everyV11MemberComesBackAndIsListedAsMapped(boolean yes) {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("diagnosis")).put("structuredInterview", yes);
        ((ObjectNode) c.get("prescriber")).putObject("consultingPsychiatrist").put("name", "Robin Lee, MD")
                .put("npi", "1987654328");
        ObjectNode request = (ObjectNode) c.get("request");
        request.put("indication", yes ? "MDSI" : "TRD");
        request.putObject("concurrentAntidepressant").put("drug", "mirtazapine").put("drugClass", "MIRTAZAPINE")
                .put("dailyDoseMg", new BigDecimal("22.5")).put("startDate", "2026-10-01");
        request.put("priorEsketamineImprovementPct", new BigDecimal(yes ? "-12.5" : "40"));
        request.put("psychotherapyUnavailable", yes);
        ObjectNode screening = (ObjectNode) c.get("screening");
        screening.put("substanceUse", "IN_REMISSION");
        screening.put("psychosisRiskAttested", yes);
        screening.put("substanceUseTreated", yes);
        screening.put("abstinentSince", "2025-06-30");
        screening.put("ketamineHypersensitivity", yes);
        screening.putArray("concurrentTherapies").add("VNS").add("ECT").add("KETAMINE").add(yes ? "TMS" : "DBS");
        screening.put("acuteSuicidality", yes);
        screening.put("patientRemsEnrolled", yes);
        assertThat(FhirTestSupport.v11MembersIn(c)).containsExactlyElementsOf(FhirTestSupport.V11_MEMBERS);

        JsonNode imported = assertRoundTrip(Samples.json(c), true);

        List<String> mapped = texts(imported.get("mapped"));
        List<String> ignored = texts(imported.get("ignored"));
        for (String member : FhirTestSupport.V11_MEMBERS) {
            assertThat(mapped).as(member).anyMatch(line -> line.contains(FhirTestSupport.dotted(member)));
            assertThat(ignored).as(member).noneMatch(line -> line.contains(FhirTestSupport.dotted(member)));
        }
        // what the import does not know would be listed like this: an unread component, extension or practitioner
        assertThat(ignored).noneMatch(line -> line.contains("not one Authpack reads") || line.contains("extensions not read")
                || line.contains("another practitioner") || line.startsWith("MedicationStatement/"));
    }

    /** Contract 1.0 behaviour stays: a bundle that says nothing of the v1.1 members gives a case without them. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"export of 01-complete-esketamine", "conformant_pas_bundle_v110", "conformant_pas_bundle_v110_uuid"})
    void aBundleWithoutV11MembersImportsWithThemAbsent(String source) {
        byte[] bundle;
        if (source.startsWith("export of ")) {
            String id = api.post("/api/v1/cases", BILLING, Samples.text(source.substring("export of ".length())))
                    .json().get("id").asString();
            bundle = api.get("/api/v1/cases/" + id + "/fhir/pas-bundle", BILLING).body();
        } else {
            bundle = FhirTestSupport.bundle(source);
        }

        Response imported = importBundle(api, bundle);

        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        JsonNode kase = imported.json().get("case");
        assertThat(FhirTestSupport.v11MembersIn(kase)).isEmpty();
        JsonNode stored = api.get("/api/v1/cases/" + kase.get("id").asString(), BILLING).json();
        assertThat(FhirTestSupport.v11MembersIn(stored)).isEmpty();
        for (String member : FhirTestSupport.V11_MEMBERS) {
            assertThat(texts(imported.json().get("mapped"))).noneMatch(line -> line.contains(FhirTestSupport.dotted(member)));
        }
    }

    @Test
    void aBundleWithMoreScoresThanACaseMayHoldIsRefusedNamingAssessments() {
        String id = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json().get("id").asString();
        ObjectNode bundle = (ObjectNode) api.get("/api/v1/cases/" + id + "/fhir/pas-bundle", BILLING).json();
        ArrayNode entries = (ArrayNode) bundle.get("entry");
        JsonNode score = StreamSupport.stream(entries.spliterator(), false)
                .filter(e -> "Observation".equals(e.get("resource").get("resourceType").asString())
                        && e.get("resource").get("code").toString().contains("44261-6"))
                .findFirst().orElseThrow();
        for (int i = 0; i < 201; i++) {
            ObjectNode copy = (ObjectNode) score.deepCopy();
            String uuid = UUID.randomUUID().toString();
            copy.put("fullUrl", "urn:uuid:" + uuid);
            ((ObjectNode) copy.get("resource")).put("id", uuid);
            entries.add(copy);
        }

        Response imported = importBundle(api, bundle.toString());

        assertThat(imported.status()).as(imported.text()).isEqualTo(400);
        assertThat(imported.json().get("errors").get(0).get("field").asString()).isEqualTo("assessments");
        assertThat(imported.text()).contains("authpack.cases.max-assessments");
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 40).map(i -> 20261500 + i).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedCasesComeBackUnchanged(long seed) {
        assertRoundTrip(Samples.json(GeneratedCases.of(seed)), seed % 5 == 0);
    }

    private JsonNode assertRoundTrip(String caseJson, boolean withPacket) {
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
        // the export writes some members twice (member id on Patient and Coverage, start date on the ServiceRequest
        // and each item): the same value again is no loss, so it is not listed as ignored (tools/fhir-fuzz, s26)
        List<String> ignored = texts(imported.json().get("ignored"));
        assertThat(ignored).noneMatch(line -> line.contains("already taken")).doesNotHaveDuplicates();
        return imported.json();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}

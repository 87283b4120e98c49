package dev.authpack.fhir;

import static dev.authpack.fhir.FhirTestSupport.importBundle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.SharedServiceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Small hand-written bundles an EHR could send, each with one thing the case cannot take as it is: the
 * import either reads it the way docs/fhir.md promises or says in {@code ignored} why not (never silence).
 */
@SharedServiceTest
class FhirImportListsWhatItCannotUseTest {

    private static final String PATIENT = "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p1\","
            + "\"name\":[{\"family\":\"X\",\"given\":[\"Y\"]}]}}";

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private static String bundle(String... entries) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[" + String.join(",", entries) + "]}";
    }

    /**
     * A score or dose sent with a huge exponent is a few bytes of JSON; the FHIR parser would write out its
     * digits (1e99999999: a hundred million of them, minutes of CPU). Refused at once, naming the element.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1e99999999", "-1e99999999", "1e-99999999"})
    void aNumberWithAHugeExponentIsRefusedNamingItWithoutWritingOutItsDigits(String number) {
        String phq9 = "{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\","
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"44261-6\"}]},"
                + "\"subject\":{\"reference\":\"Patient/p1\"},\"effectiveDateTime\":\"2026-10-01\","
                + "\"valueQuantity\":{\"value\":" + number + "}}}";

        Response r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> importBundle(api, bundle(PATIENT, phq9)));

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("entry[1].resource.valueQuantity.value");
    }

    @Test
    void aDoseWithTooManyDigitsToBeADoseIsListedAsLeftOut() {
        String trial = "{\"resource\":{\"resourceType\":\"MedicationStatement\",\"id\":\"m1\",\"status\":\"completed\","
                + "\"medicationCodeableConcept\":{\"text\":\"sertraline\"},\"subject\":{\"reference\":\"Patient/p1\"},"
                + "\"effectivePeriod\":{\"start\":\"2026-01-01\",\"end\":\"2026-03-01\"},"
                + "\"dosage\":[{\"timing\":{\"repeat\":{\"frequency\":1,\"period\":1,\"periodUnit\":\"d\"}},"
                + "\"doseAndRate\":[{\"doseQuantity\":{\"value\":1e900,\"unit\":\"mg\",\"code\":\"mg\"}}]}]}}";

        Response r = importBundle(api, bundle(PATIENT, trial));

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(texts(r.json().get("ignored"))).anyMatch(line -> line.contains("dailyDoseMg") && line.contains("far too large"));
    }

    @Test
    void aBirthDatePreciseOnlyToTheMonthOrYearIsListedAsIgnoredNotDroppedSilently() {
        for (String partial : List.of("1980-02", "1980")) {
            Response r = importBundle(api, bundle("{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p1\","
                    + "\"name\":[{\"family\":\"X\",\"given\":[\"Y\"]}],\"birthDate\":\"" + partial + "\"}}"));

            assertThat(r.status()).as(r.text()).isEqualTo(201);
            assertThat(r.json().get("case").path("patient").path("dateOfBirth").isMissingNode()
                    || r.json().get("case").path("patient").path("dateOfBirth").isNull()).isTrue();
            assertThat(texts(r.json().get("ignored"))).as(partial)
                    .anyMatch(line -> line.startsWith("Patient/p1: birthDate is not precise to the day"));
        }
    }

    @Test
    void aCareTeamProviderContainedInTheClaimIsThePrescriberBeforeAnotherPractitioner() {
        String claim = "{\"resource\":{\"resourceType\":\"Claim\",\"id\":\"cl1\",\"status\":\"active\",\"use\":\"preauthorization\","
                + "\"contained\":[{\"resourceType\":\"Practitioner\",\"id\":\"c1\",\"name\":[{\"text\":\"Ada Contained\"}]}],"
                + "\"patient\":{\"reference\":\"Patient/p1\"},"
                + "\"careTeam\":[{\"sequence\":1,\"provider\":{\"reference\":\"#c1\"}}]}}";
        String other = "{\"resource\":{\"resourceType\":\"Practitioner\",\"id\":\"pr2\",\"name\":[{\"text\":\"Bo Elsewhere\"}]}}";

        Response r = importBundle(api, bundle(PATIENT, claim, other));

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("case").get("prescriber").get("name").asString()).isEqualTo("Ada Contained");
        assertThat(texts(r.json().get("mapped"))).anyMatch(line ->
                line.startsWith("Practitioner/c1 (contained in Claim/cl1) → prescriber.name"));
        assertThat(texts(r.json().get("ignored"))).anyMatch(line ->
                line.startsWith("Practitioner/pr2: another practitioner"));
    }

    @Test
    void aCareTeamReferenceToAContainedResourceTheClaimDoesNotHoldIsListed() {
        String claim = "{\"resource\":{\"resourceType\":\"Claim\",\"id\":\"cl1\",\"status\":\"active\",\"use\":\"preauthorization\","
                + "\"patient\":{\"reference\":\"Patient/p1\"},"
                + "\"careTeam\":[{\"sequence\":1,\"provider\":{\"reference\":\"#nobody\"}}]}}";

        Response r = importBundle(api, bundle(PATIENT, claim));

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(texts(r.json().get("ignored"))).anyMatch(line ->
                line.startsWith("Claim/cl1: careTeam[0].provider names a contained resource the Claim does not hold"));
    }

    @Test
    void aClaimProviderThatIsAPatientIsListedAsIgnored() {
        String claim = "{\"resource\":{\"resourceType\":\"Claim\",\"id\":\"cl1\",\"status\":\"active\",\"use\":\"preauthorization\","
                + "\"patient\":{\"reference\":\"Patient/p1\"},\"provider\":{\"reference\":\"Patient/p1\"}}}";

        Response r = importBundle(api, bundle(PATIENT, claim));

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(texts(r.json().get("ignored"))).anyMatch(line ->
                line.startsWith("Claim/cl1: provider is a Patient (Patient/p1), not an Organization"));
    }

    @Test
    void anRxNormDisplayThatOpensWithACatalogDrugCountsAsThatDrugAndKeepsItsWordingVisible() {
        String statement = "{\"resource\":{\"resourceType\":\"MedicationStatement\",\"id\":\"m1\",\"status\":\"completed\","
                + "\"subject\":{\"reference\":\"Patient/p1\"},\"medicationCodeableConcept\":{\"coding\":[{"
                + "\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"312938\","
                + "\"display\":\"sertraline 100 MG Oral Tablet\"}]}}}";
        String request = "{\"resource\":{\"resourceType\":\"MedicationRequest\",\"id\":\"m2\",\"status\":\"stopped\","
                + "\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/p1\"},\"medicationCodeableConcept\":{\"coding\":[{"
                + "\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"403969\","
                + "\"display\":\"fluoxetine 25 MG / olanzapine 6 MG Oral Capsule\"}]}}}";

        Response r = importBundle(api, bundle(PATIENT, statement, request));

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode trials = r.json().get("case").get("medicationTrials");
        assertThat(trials.get(0).get("drug").asString()).isEqualTo("sertraline");
        // a combination names two drugs: which one the trial was is not the display's to say
        assertThat(trials.get(1).get("drug").asString()).isEqualTo("fluoxetine 25 MG / olanzapine 6 MG Oral Capsule");
        assertThat(texts(r.json().get("mapped"))).contains("MedicationStatement/m1 → medicationTrials[0]; "
                + "trial drug sertraline (from RxNorm display 'sertraline 100 MG Oral Tablet')");
    }

    @Test
    void refusalsReadFieldColonMessageInPlainWordsWithoutTheParsersCodes() {
        Response noPatient = importBundle(api, bundle());
        assertThat(noPatient.status()).isEqualTo(400);
        assertThat(noPatient.json().get("detail").asString()).startsWith("entry: the bundle has no Patient");
        assertThat(noPatient.json().get("errors").get(0).get("field").asString()).isEqualTo("entry");

        Response array = importBundle(api, "[]");
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.json().get("detail").asString())
                .startsWith("resourceType: the body is not a FHIR R4 resource in JSON: it starts with '['")
                .doesNotContain("HAPI");
        assertThat(array.json().get("errors").get(0).get("field").asString()).isEqualTo("resourceType");

        for (String body : List.of("{\"hello\": \"world\"}", "{\"resourceType\": \"Bundel\"}", "{\"resourceType\": 5}")) {
            Response r = importBundle(api, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.json().get("detail").asString()).as(body)
                    .startsWith("resourceType: the body is not a FHIR R4 resource in JSON: ").doesNotContain("HAPI");
        }
    }

    @Test
    void aClaimDiagnosisCodedInAnotherSystemThanIcd10CmIsListedAsIgnoredNotDroppedSilently() {
        for (String coding : List.of("{\"system\":\"http://snomed.info/sct\",\"code\":\"370143000\"}",
                "{\"system\":\"http://example.org/local-codes\",\"code\":\"F33.2\"}", "{\"code\":\"F33.2\"}")) {
            String claim = "{\"resource\":{\"resourceType\":\"Claim\",\"id\":\"c1\",\"status\":\"active\","
                    + "\"use\":\"preauthorization\",\"patient\":{\"reference\":\"Patient/p1\"},"
                    + "\"diagnosis\":[{\"sequence\":1,\"diagnosisCodeableConcept\":{\"coding\":[" + coding + "]}}]}}";

            Response r = importBundle(api, bundle(PATIENT, claim));

            assertThat(r.status()).as(r.text()).isEqualTo(201);
            assertThat(r.json().get("case").path("diagnosis").path("icd10").isMissingNode()).as(coding).isTrue();
            assertThat(texts(r.json().get("ignored"))).as(coding)
                    .anyMatch(line -> line.startsWith("Claim/c1: diagnosis 1: ") && line.endsWith(" is not an ICD-10-CM code"));
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}

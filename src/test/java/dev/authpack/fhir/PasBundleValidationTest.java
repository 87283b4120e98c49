package dev.authpack.fhir;

import static dev.authpack.fhir.FhirTestSupport.BILLING;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The exported PAS bundle as a receiver's FHIR stack reads it: HAPI's instance validator against the
 * base R4 definitions (cardinalities, data types, required bindings, the bundle's and resources'
 * invariants), for every public sample (the v1.1 members included) and generated cases that between
 * them carry every optional member, those of v1.1 included. No error may remain; warnings (e.g. Authpack's own code systems, which no
 * terminology server knows) are allowed. PAS profiles are not claimed (docs/fhir.md), so they are not
 * checked here.
 */
@SharedServiceTest
class PasBundleValidationTest {

    private static FhirValidator validator;

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeAll
    static void validator() {
        FhirContext r4 = FhirContext.forR4();
        validator = FhirTestSupport.validator(r4, FhirTestSupport.r4Support(r4));
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    static Stream<String> cases() {
        return FhirTestSupport.exportedCases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theExportedBundleIsValidR4(String name) {
        String json = name.startsWith("generated-")
                ? Samples.json(GeneratedCases.of(Long.parseLong(name.substring("generated-".length()))))
                : Samples.text(name);
        Response created = api.post("/api/v1/cases", BILLING, json);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asString();
        Response packet = api.post("/api/v1/cases/" + id + "/packet?exception=true", BILLING, new byte[0], null);
        Response bundle = api.get("/api/v1/cases/" + id + "/fhir/pas-bundle", BILLING);
        assertThat(bundle.status()).isEqualTo(200);

        List<String> errors = validator.validateWithResult(bundle.text()).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(PasBundleValidationTest::describe).toList();

        assertThat(errors).as("validation errors (packet %d)", packet.status()).isEmpty();
    }

    /** A v1.1 member no generated case above carries would reach the validator only through samples 05 and 06. */
    @org.junit.jupiter.api.Test
    void theGeneratedCasesCarryEveryV11Member() {
        Set<String> carried = cases().filter(name -> name.startsWith("generated-"))
                .map(name -> GeneratedCases.of(Long.parseLong(name.substring("generated-".length()))))
                .flatMap(c -> FhirTestSupport.v11MembersIn(c).stream()).collect(Collectors.toSet());

        assertThat(carried).containsExactlyInAnyOrderElementsOf(FhirTestSupport.V11_MEMBERS);
    }

    @org.junit.jupiter.api.Test
    void theValidatorFindsWhatBreaksR4InTheSameBundle() {
        String id = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json().get("id").asString();
        String exported = api.get("/api/v1/cases/" + id + "/fhir/pas-bundle", BILLING).text();
        // Claim.use is a required code and Claim.status is 1..1: a check that passed everything would miss both
        String broken = exported.replaceFirst("\"use\"\\s*:\\s*\"preauthorization\"", "\"use\": \"pre-approval\"")
                .replaceFirst("\"status\"\\s*:\\s*\"active\"\\s*,", "");
        assertThat(broken).isNotEqualTo(exported);

        List<String> errors = validator.validateWithResult(broken).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(PasBundleValidationTest::describe).toList();

        assertThat(errors).anyMatch(e -> e.contains("pre-approval")).anyMatch(e -> e.contains("Claim.status"));
    }

    private static String describe(SingleValidationMessage m) {
        return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
    }
}

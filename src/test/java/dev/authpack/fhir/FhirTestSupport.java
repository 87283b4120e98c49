package dev.authpack.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import dev.authpack.support.ApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Published FHIR bundles from test resources, and a case compared as data (bookkeeping and number scale aside). */
final class FhirTestSupport {

    static final String BILLING = "north.billing";
    static final String CLINIC = "north.clinic";
    static final String SOUTH = "south.billing";
    static final String ADMIN = "admin";
    private static final List<String> BOOKKEEPING = List.of("id", "version", "status", "complete", "createdAt", "updatedAt",
            "authorization", "previousCaseId"); // read-only members a fresh draft need not carry
    /** The case members contract v1.1 added ("New case members"), as JSON pointers. */
    static final List<String> V11_MEMBERS = List.of("/diagnosis/structuredInterview", "/prescriber/consultingPsychiatrist",
            "/request/indication", "/request/concurrentAntidepressant", "/request/priorEsketamineImprovementPct",
            "/request/psychotherapyUnavailable", "/screening/psychosisRiskAttested", "/screening/substanceUseTreated",
            "/screening/abstinentSince", "/screening/ketamineHypersensitivity", "/screening/concurrentTherapies",
            "/screening/acuteSuicidality", "/screening/patientRemsEnrolled");

    private FhirTestSupport() {
    }

    /** The cases whose exported bundles are validated: every public sample and three generated ones. */
    static Stream<String> exportedCases() {
        Stream<String> samples = Stream.of("01-complete-esketamine", "02-one-failed-trial", "03-self-pay-ketamine",
                "04-stale-severity", "05-cigna-psychosis-attested", "06-qualchoice-antidepressant-too-recent");
        return Stream.concat(samples, LongStream.of(3, 11, 29).mapToObj(seed -> "generated-" + seed));
    }

    /** Base R4 definitions and the in-memory terminology of the standard code systems, after {@code first}. */
    static ValidationSupportChain r4Support(FhirContext r4, IValidationSupport... first) {
        List<IValidationSupport> chain = new java.util.ArrayList<>(List.of(first));
        chain.addAll(List.of(new DefaultProfileValidationSupport(r4), new InMemoryTerminologyServerValidationSupport(r4),
                new CommonCodeSystemsTerminologyService(r4)));
        return new ValidationSupportChain(chain.toArray(IValidationSupport[]::new));
    }

    /** HAPI's instance validator over {@code support}; Authpack's own extensions are allowed. */
    static FhirValidator validator(FhirContext r4, IValidationSupport support) {
        FhirInstanceValidator instance = new FhirInstanceValidator(support);
        instance.setAnyExtensionsAllowed(true);
        return r4.newValidator().registerValidatorModule(instance);
    }

    static byte[] bundle(String name) {
        try (InputStream in = FhirTestSupport.class.getResourceAsStream("/fhir/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no bundle " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ApiClient.Response importBundle(ApiClient api, byte[] body) {
        return api.post("/api/v1/fhir/import", BILLING, body, "application/fhir+json");
    }

    static ApiClient.Response importBundle(ApiClient api, String body) {
        return importBundle(api, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The v1.1 members a case carries (an empty list or object counts as absent, as for the case API). */
    static List<String> v11MembersIn(JsonNode kase) {
        JsonNode data = caseData(kase);
        return V11_MEMBERS.stream().filter(pointer -> !data.at(pointer).isMissingNode()).toList();
    }

    /** "request.concurrentAntidepressant", as the mapped and ignored lists name a member. */
    static String dotted(String pointer) {
        return pointer.substring(1).replace('/', '.');
    }

    /** The case members only, numbers by value: 20 and 20.00 are the same percentage. */
    static JsonNode caseData(JsonNode view) {
        ObjectNode copy = (ObjectNode) normalize(view);
        BOOKKEEPING.forEach(copy::remove);
        return copy;
    }

    private static JsonNode normalize(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (String name : node.propertyNames()) {
                JsonNode v = node.get(name);
                boolean empty = v.isNull() || v.isArray() && v.isEmpty() || v.isObject() && normalize(v).isEmpty();
                if (!empty) {
                    out.set(name, normalize(v));
                }
            }
            return out;
        }
        if (node.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> out.add(normalize(e)));
            return out;
        }
        if (node.isNumber()) {
            BigDecimal d = node.decimalValue().stripTrailingZeros();
            return JsonNodeFactory.instance.stringNode(d.toPlainString());
        }
        return node;
    }
}

package dev.authpack.fhir;

import static dev.authpack.fhir.FhirTestSupport.BILLING;
import static dev.authpack.fhir.FhirTestSupport.importBundle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;

import dev.authpack.casefile.CaseValidator;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

/**
 * The last safety net of the import: an exception nobody foresaw while reading a bundle (here planted in
 * the running app, since every known one is fixed; {@link FhirEditedBundleTest} has those) is a 400
 * problem+json saying the bundle could not be read and naming the resource when the import knows it,
 * never a 500; the log gets one WARN line without the exception's message (it may quote patient data)
 * and without a stack trace.
 */
@SharedServiceTest
@ExtendWith(OutputCaptureExtension.class)
@Isolated // reads the whole log (Surefire runs test classes two at a time)
class FhirImportSafetyNetTest {

    private static final String PATIENT_DATA = "Dana Reyes";

    @LocalServerPort
    int port;
    @MockitoSpyBean
    BundleParser parser;
    @MockitoSpyBean
    CaseValidator validator;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void anUnexpectedFailureWhileMappingAResourceIsA400NamingItAndOneWarnLineWithoutPatientData(CapturedOutput output) {
        String bundle = exported();
        patientMappingThrows(new IllegalStateException("no gender for " + PATIENT_DATA));
        int logged = output.getAll().length();

        Response r = importBundle(api, bundle);

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("entry[1].resource");
        assertThat(error.get("message").asString()).startsWith("the bundle could not be read: the import stopped at Patient/");
        assertThat(r.text()).doesNotContain(PATIENT_DATA).doesNotContain("IllegalStateException");
        assertOneWarnLine(output.getAll().substring(logged), "IllegalStateException in PatientMapping.patient:",
                "while reading a Patient (entry[1].resource)");
    }

    @Test
    void anUnexpectedFailureAfterMappingIsA400ThatNamesNoResource(CapturedOutput output) {
        String bundle = exported();
        doThrow(new IllegalStateException("refused " + PATIENT_DATA)).when(validator).validateJson(any());
        int logged = output.getAll().length();

        Response r = importBundle(api, bundle);

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).isEqualTo("the bundle could not be read");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEmpty();
        assertOneWarnLine(output.getAll().substring(logged), "IllegalStateException in CaseValidator.validateJson:",
                "while reading the bundle");
    }

    /** HAPI's XHTML code throws plain {@link Error}s ("Null node type"): a library's Error is the bundle's, too. */
    @Test
    void aLibraryErrorWhileMappingIsA400AndOneWarnLineNotA500(CapturedOutput output) {
        String bundle = exported();
        patientMappingThrows(new Error("Null node type for " + PATIENT_DATA));
        int logged = output.getAll().length();

        Response r = importBundle(api, bundle);

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("entry[1].resource");
        assertThat(r.text()).doesNotContain(PATIENT_DATA);
        assertOneWarnLine(output.getAll().substring(logged), "Error in PatientMapping.patient:",
                "while reading a Patient (entry[1].resource)");
    }

    private String exported() {
        String id = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json().get("id").asString();
        Response r = api.get("/api/v1/cases/" + id + "/fhir/pas-bundle", BILLING);
        assertThat(r.status()).isEqualTo(200);
        return r.text();
    }

    private static void assertOneWarnLine(String log, String... parts) {
        List<String> lines = Arrays.stream(log.split("\\R")).filter(line -> !line.isBlank()).toList();
        List<String> refused = lines.stream().filter(line -> line.contains("FHIR import refused")).toList();
        assertThat(refused).as(log).hasSize(1);
        assertThat(refused.get(0)).contains(" WARN ").contains(parts);
        assertThat(log).as("no patient data, no exception message").doesNotContain(PATIENT_DATA);
        assertThat(lines).as("no stack trace").noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception: "));
    }

    /** The parsed bundle's Patient throws {@code failure} when the mapping reads its gender. */
    private void patientMappingThrows(Throwable failure) {
        doAnswer(call -> {
            BundleParser.Parsed parsed = (BundleParser.Parsed) call.callRealMethod();
            for (Bundle.BundleEntryComponent entry : parsed.bundle().getEntry()) {
                if (entry.getResource() instanceof Patient patient) {
                    Patient broken = spy(patient);
                    doThrow(failure).when(broken).getGender();
                    entry.setResource(broken);
                }
            }
            return parsed;
        }).when(parser).parse(any());
    }
}

package dev.authpack.fhir;

import static dev.authpack.fhir.FhirTestSupport.ADMIN;
import static dev.authpack.fhir.FhirTestSupport.BILLING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A case saved before dates were held to 1900-2999 can carry a year FHIR cannot write. Its PAS export
 * was a 500; it is now a 422 naming the field (API) or the case page saying what to do (page), and
 * the refusal is audited.
 */
@SharedServiceTest
class PasExportOfOlderCasesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient api;
    String caseId;

    @BeforeEach
    void aCase() {
        api = new ApiClient(port);
        caseId = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json().get("id").asString();
    }

    @ParameterizedTest(name = "{1} in {0}")
    @CsvSource({
        "diagnosis.episodeStart, 2025-01-15, -0001-01-15",
        "patient.dateOfBirth, 1979-03-14, +169087565-03-14",
        "medicationTrials[0].endDate, 2025-04-15, +20250-04-15",
        "assessments[0].date, 2026-11-10, 0202-11-10"})
    void anExportOfACaseWithADateFhirCannotCarryIsRefusedNamingTheField(String field, String saved, String stored) {
        storeAsAnEarlierVersionDid(saved, stored);

        Response r = api.accepting("application/fhir+json").get("/api/v1/cases/" + caseId + "/fhir/pas-bundle", BILLING);

        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(r.json().get("detail").asString()).contains(field, "1900-01-01", "Correct the case");
        JsonNode audit = api.get("/api/v1/audit?case=" + caseId + "&action=FHIR_EXPORTED", ADMIN).json();
        assertThat(audit.get("items").get(0).get("outcome").asString()).isEqualTo("REJECTED");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({"2025-01-15, -0001-01-15", "2025-01-15, 0202-01-15"})
    void theCasePageSaysWhyTheBundleWasNotExportedAndHowToFixIt(String saved, String stored) {
        storeAsAnEarlierVersionDid(saved, stored);
        FormClient clerk = new FormClient(port).signIn(BILLING, ApiClient.PASSWORD);

        HttpResponse<String> download = clerk.get("/cases/" + caseId + "/fhir/pas-bundle");

        assertThat(download.statusCode()).isEqualTo(303);
        assertThat(download.headers().firstValue("Location")).hasValue("/cases/" + caseId);
        assertThat(clerk.get("/cases/" + caseId).body())
                .contains("The FHIR bundle was not exported", "Open the case form and save it");
    }

    private void storeAsAnEarlierVersionDid(String saved, String stored) {
        int rows = jdbc.update("UPDATE cases SET data = REPLACE(data, ?, ?) WHERE id = ?",
                '"' + saved + '"', '"' + stored + '"', UUID.fromString(caseId));
        assertThat(rows).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT data FROM cases WHERE id = ?", String.class, UUID.fromString(caseId)))
                .contains(stored);
    }
}

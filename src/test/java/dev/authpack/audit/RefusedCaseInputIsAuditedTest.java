package dev.authpack.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case the API refuses (400) leaves a row in the trail, as a refused authorization event, upload, FHIR
 * import or policy upload already did (OWASP ASVS 4.0.3 V7.1.3: input validation failures are security
 * events; session 25). The row names the user, the case when the request names one, and nothing of the body.
 */
@SharedServiceTest
class RefusedCaseInputIsAuditedTest {

    private static final String USER = "north.billing";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient api;
    long before;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        before = newestId();
    }

    @Test
    void aCaseRefusedForAMemberItMayNotSetIsRecordedAsARejectedCreation() {
        String withClinic = Samples.text("01-complete-esketamine").replaceFirst("\\{", "{\"clinicId\": \"south\", ");

        Response refused = api.post("/api/v1/cases", USER, withClinic);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(rowsSince()).containsExactly("CASE_CREATED REJECTED case=null detail=null");
    }

    @Test
    void aBodyThatIsNotJsonIsRecordedAsARejectedCreation() {
        Response refused = api.post("/api/v1/cases", USER, "{\"patient\": {\"lastName\": \"Reyes\"".getBytes(
                StandardCharsets.UTF_8), "application/json");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(rowsSince()).containsExactly("CASE_CREATED REJECTED case=null detail=null");
    }

    @Test
    void aRefusedReplacementIsRecordedWithTheCaseItNamed() {
        String id = api.post("/api/v1/cases", USER, Samples.text("01-complete-esketamine")).json().get("id").asString();
        long afterCreation = newestId();
        String badBirthDate = Samples.text("01-complete-esketamine").replace("1979-03-14", "1979-02-30")
                .replaceFirst("\\{", "{\"version\": 0, ");

        Response refused = api.put("/api/v1/cases/" + id, USER, badBirthDate);
        Response withoutVersion = api.put("/api/v1/cases/" + id, USER, Samples.text("01-complete-esketamine"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(withoutVersion.status()).isEqualTo(400);
        before = afterCreation;
        assertThat(rowsSince()).containsExactly("CASE_UPDATED REJECTED case=" + id + " detail=null",
                "CASE_UPDATED REJECTED case=" + id + " detail=null");
    }

    @Test
    void anAcceptedCaseIsStillRecordedOnceAsCreated() {
        Response created = api.post("/api/v1/cases", USER, Samples.text("01-complete-esketamine"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(rowsSince()).containsExactly("CASE_CREATED OK case=" + created.json().get("id").asString()
                + " detail=null");
    }

    private List<String> rowsSince() {
        return jdbc.query("select action, outcome, case_id, detail from audit_events where id > ? and username = ? "
                        + "and action in ('CASE_CREATED', 'CASE_UPDATED') order by id",
                (row, n) -> row.getString("action") + " " + row.getString("outcome") + " case="
                        + row.getString("case_id") + " detail=" + row.getString("detail"), before, USER);
    }

    private long newestId() {
        Long newest = jdbc.queryForObject("select max(id) from audit_events", Long.class);
        return newest == null ? 0 : newest;
    }
}

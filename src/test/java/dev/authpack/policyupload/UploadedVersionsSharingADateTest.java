package dev.authpack.policyupload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The contract's rule for versions over real HTTP: {@code effectiveFrom} absent means always, and among versions
 * with one {@code effectiveFrom} (both absent, or one date) the one loaded later is in force. A copy of a shipped
 * file with a new version and a stricter criterion, undated or dated like the file it copies, is stored (201), lists
 * the cases it flips and then judges them. On a database of its own: these versions of shipped policies would judge
 * the cases of every other test sharing the service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:uploaded-versions-sharing-a-date;DB_CLOSE_DELAY=-1")
class UploadedVersionsSharingADateTest {

    private static final String ADMIN = "admin";
    private static final String BILLING = "north.billing";

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void anUndatedCopyOfAShippedUndatedPolicyWithAStricterRuleIsStoredAndJudgesEveryCase() throws IOException {
        String caseId = create(Samples.text("01-complete-esketamine"));
        assertThat(report(caseId).get("complete").asBoolean()).isTrue();
        String shipped = Files.readString(Path.of("templates/policies/esketamine-standard.yaml"));
        assertThat(shipped).doesNotContain("effectiveFrom").contains("version: \"2026.1\"", "    minFailedTrials: 2\n");
        String stricter = shipped.replace("version: \"2026.1\"", "version: \"2026.2\"")
                .replace("    minFailedTrials: 2\n", "    minFailedTrials: 3\n");

        Response r = upload(stricter);

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("version").asString()).isEqualTo("2026.2");
        assertThat(r.json().has("effectiveFrom")).as("named, as null: %s", r.text()).isTrue();
        assertThat(r.json().get("effectiveFrom").isNull()).isTrue();
        assertThat(impact(r)).contains(caseId + " true->false");
        JsonNode report = report(caseId);
        assertThat(report.get("complete").asBoolean()).isFalse();
        assertThat(report.get("policy").get("version").asString()).isEqualTo("2026.2");
        assertThat(versions("esketamine-standard")).containsExactly("2026.1", "2026.2");
        assertThat(newest("esketamine-standard")).isEqualTo("2026.2");
        // the case page and the policy page say the same version is in force
        FormClient billing = new FormClient(port).signIn(BILLING, ApiClient.PASSWORD);
        assertThat(billing.get("/cases/" + caseId).body()).contains("Judged against esketamine-standard version 2026.2",
                "policy esketamine-standard changed (version 2026.2): now missing");
        FormClient admin = new FormClient(port).signIn(ADMIN, ApiClient.PASSWORD);
        assertThat(admin.get("/admin/policies").body()).contains("2026.1 (replaced by 2026.2)");
        String previewed = admin.postMultipart("/admin/policies", Map.of("preview", "true"), "esketamine.yaml",
                stricter.replace("version: \"2026.2\"", "version: \"2026.3\"").getBytes(StandardCharsets.UTF_8)).body();
        assertThat(previewed).contains("Preview of policy esketamine-standard version 2026.3, without an effective date");
    }

    @Test
    void aCopyOfATexasVersionWithItsDateAndAStricterRuleIsStoredAndJudgesTheCasesOfThatDate() throws IOException {
        JsonNode file = YAMLMapper.builder().build().readTree(
                Files.readString(Path.of("templates/policies/texas-medicaid-spravato/2025-10-01.yaml")));
        ObjectNode body = (ObjectNode) file.get("exampleCase").deepCopy();
        body.put("policyId", "texas-medicaid-spravato");
        ((ObjectNode) body.get("patient")).put("dateOfBirth", "2006-01-15");  // 20 on the start date, 2026-12-07
        String caseId = create(body.toString());
        assertThat(report(caseId).get("complete").asBoolean()).isTrue();
        String shipped = Files.readString(Path.of("templates/policies/texas-medicaid-spravato/2025-10-01.yaml"));
        assertThat(shipped).contains("version: \"2025.10\"", "effectiveFrom: 2025-10-01", "age: {minAge: 18}");
        String stricter = shipped.replace("version: \"2025.10\"", "version: \"2025.10-b\"")
                .replace("age: {minAge: 18}", "age: {minAge: 21}");

        Response r = upload(stricter);

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("effectiveFrom").asString()).isEqualTo("2025-10-01");
        assertThat(impact(r)).contains(caseId + " true->false");
        JsonNode report = report(caseId);
        assertThat(report.get("complete").asBoolean()).isFalse();
        assertThat(report.get("policy").get("version").asString()).isEqualTo("2025.10-b");
        assertThat(report.get("policy").get("effectiveFrom").asString()).isEqualTo("2025-10-01");
        assertThat(versions("texas-medicaid-spravato")).containsExactly("2019.10", "2021.01", "2025.05", "2025.10",
                "2025.10-b");
        assertThat(newest("texas-medicaid-spravato")).isEqualTo("2025.10-b");
        FormClient admin = new FormClient(port).signIn(ADMIN, ApiClient.PASSWORD);
        assertThat(admin.get("/admin/policies").body()).contains("2025.10 (2025-10-01, replaced by 2025.10-b)");
    }

    private String create(String json) {
        Response created = api.post("/api/v1/cases", BILLING, json);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private JsonNode report(String caseId) {
        return api.get("/api/v1/cases/" + caseId + "/completeness", BILLING).json();
    }

    private Response upload(String yaml) {
        return api.post("/api/v1/policies", ADMIN, yaml.getBytes(StandardCharsets.UTF_8), "application/yaml");
    }

    private static List<String> impact(Response r) {
        List<String> rows = new ArrayList<>();
        r.json().get("impact").forEach(row -> rows.add(row.get("caseId").asString() + " "
                + row.get("before").get("complete").asBoolean() + "->" + row.get("after").get("complete").asBoolean()));
        return rows;
    }

    private List<String> versions(String id) {
        return api.get("/api/v1/policies/" + id + "/versions", BILLING).json().findValuesAsString("version");
    }

    private String newest(String id) {
        for (JsonNode p : api.get("/api/v1/policies", BILLING).json()) {
            if (p.get("id").asString().equals(id)) {
                return p.get("version").asString();
            }
        }
        return null;
    }
}

package dev.authpack.policyupload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.policy.PolicyCatalog;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.FormClient;
import dev.authpack.support.SharedServiceTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code POST /api/v1/policies} over real HTTP against the real database: a version uploaded is in
 * use at once, each refusal stores nothing, the impact lists cases flipped each way, billing staff
 * see notices, and every attempt is in the audit trail with id, version and sha256.
 */
@SharedServiceTest
class PolicyUploadApiTest {

    static final String ADMIN = "admin";
    static final String BILLING = "north.billing";
    static final String YAML = "application/yaml";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PolicyCatalog catalog;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    static String cigna() throws IOException {
        return Files.readString(Path.of("templates/policies/cigna-spravato.yaml"));
    }

    /** Cigna's file with an oral antidepressant required for TRD and nurse practitioners accepted. */
    static String changedCigna(String version, String effectiveFrom, boolean keepOldExamples) throws IOException {
        String text = cigna().replace("version: \"2026.11\"", "version: \"" + version + "\"\neffectiveFrom: " + effectiveFrom)
                .replace("prescriberSpecialties: [PSYCHIATRY]", "prescriberSpecialties: [PSYCHIATRY, PSYCHIATRIC_NP]")
                .replace("\n  rems: true\n", "\n  rems: true\n  concurrentAntidepressant: {}\n");
        if (keepOldExamples) {
            return text;
        }
        return text.substring(0, text.indexOf("\nexamples:")) + """

                examples:
                  - name: "an oral antidepressant alongside is now needed"
                    case: {"request": {"concurrentAntidepressant": {"drug": "bupropion"}}}
                    criteria: {"CONCURRENT_ANTIDEPRESSANT": "MET"}
                    complete: true
                  - name: "without it the case lacks it"
                    case: {}
                    criteria: {"CONCURRENT_ANTIDEPRESSANT": "MISSING"}
                    complete: false
                """;
    }

    /** Cigna's worked example case as a case of the API, with a start date and optionally edits. */
    String createCase(String startDate, String specialty, boolean concurrent) throws IOException {
        return createCase("cigna-spravato", startDate, specialty, concurrent);
    }

    String createCase(String policyId, String startDate, String specialty, boolean concurrent) throws IOException {
        JsonNode file = YAMLMapper.builder().build().readTree(cigna());
        ObjectNode body = (ObjectNode) file.get("exampleCase").deepCopy();
        body.put("policyId", policyId);
        ObjectNode request = (ObjectNode) body.get("request");
        request.put("startDate", startDate);
        ((ObjectNode) body.get("prescriber")).put("specialty", specialty);
        if (concurrent) {
            request.putObject("concurrentAntidepressant").put("drug", "bupropion");
        }
        Response created = api.post("/api/v1/cases", BILLING, body.toString());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    long stored() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM policy_uploads", Long.class);
    }

    List<String> auditDetails(String action) {
        return jdbc.queryForList("SELECT outcome || ' ' || username || ' ' || detail FROM audit_events WHERE action = ? "
                + "ORDER BY id", String.class, action);
    }

    @Test
    void versionsOfAnUnknownPolicyAre404NamingAPolicy() {
        Response r = api.get("/api/v1/policies/no-such-policy/versions", BILLING);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("detail").asString()).isEqualTo("No policy with this id is available to you.");
    }

    @Test
    void anUploadIsInUseAtOnceListsTheCasesItFlipsEachWayAndLeavesNoticesForBilling() throws IOException {
        String losesIt = createCase("2026-12-01", "PSYCHIATRY", false);  // the day it takes effect
        String gainsIt = createCase("2026-12-07", "PSYCHIATRIC_NP", true);
        String before = createCase("2026-11-30", "PSYCHIATRY", false);  // the day before
        assertThat(api.get("/api/v1/cases/" + losesIt + "/completeness", BILLING).json().get("complete").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/cases/" + gainsIt + "/completeness", BILLING).json().get("complete").asBoolean()).isFalse();
        String yaml = changedCigna("2027.1", "2026-12-01", false);

        Response r = api.post("/api/v1/policies", ADMIN, yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), YAML);

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode body = r.json();
        assertThat(body.get("id").asString()).isEqualTo("cigna-spravato");
        assertThat(body.get("version").asString()).isEqualTo("2027.1");
        assertThat(body.get("effectiveFrom").asString()).isEqualTo("2026-12-01");
        assertThat(body.get("examples").get("passed").asInt()).isEqualTo(2);
        assertThat(body.get("examples").get("failed").asInt()).isZero();
        List<String> impact = new ArrayList<>();
        body.get("impact").forEach(row -> impact.add(row.get("caseId").asString() + " " + row.get("clinicId").asString()
                + " " + row.get("before").get("complete").asBoolean() + "->" + row.get("after").get("complete").asBoolean()
                + " " + row.get("after").get("lacking")));
        assertThat(impact).contains(losesIt + " north true->false [\"CONCURRENT_ANTIDEPRESSANT\"]",
                gainsIt + " north false->true []");
        assertThat(impact).noneMatch(line -> line.startsWith(before));
        assertThat(r.text()).doesNotContain("Ana", "Example", "EX0001", "1980-05-01");

        // in use without a restart: the case dated after the new effective date is judged by it
        JsonNode report = api.get("/api/v1/cases/" + losesIt + "/completeness", BILLING).json();
        assertThat(report.get("complete").asBoolean()).isFalse();
        assertThat(report.get("policy").get("version").asString()).isEqualTo("2027.1");
        assertThat(report.get("policy").get("effectiveFrom").asString()).isEqualTo("2026-12-01");
        assertThat(api.get("/api/v1/cases/" + gainsIt + "/completeness", BILLING).json().get("complete").asBoolean()).isTrue();
        JsonNode older = api.get("/api/v1/cases/" + before + "/completeness", BILLING).json();
        assertThat(older.get("policy").get("version").asString()).isEqualTo("2026.11");
        List<String> versions = new ArrayList<>();
        api.get("/api/v1/policies/cigna-spravato/versions", ADMIN).json().forEach(v -> versions.add(v.get("version").asString()));
        assertThat(versions).containsSubsequence("2026.11", "2027.1");

        // stored durably with its hash and uploader
        String sha = PolicyUploadService.sha256(yaml);
        assertThat(jdbc.queryForList("SELECT policy_id || ' ' || version || ' ' || effective_from || ' ' || sha256 || ' ' "
                + "|| uploaded_by FROM policy_uploads", String.class))
                .contains("cigna-spravato 2027.1 2026-12-01 " + sha + " admin");
        assertThat(jdbc.queryForObject("SELECT yaml FROM policy_uploads WHERE version = '2027.1'", String.class))
                .isEqualTo(yaml);
        assertThat(auditDetails("POLICY_UPLOADED"))
                .contains("OK admin policy=cigna-spravato version=2027.1 sha256=" + sha);

        // billing staff see the notice on the case and in their list
        FormClient billing = new FormClient(port).signIn(BILLING, ApiClient.PASSWORD);
        String notice = "policy cigna-spravato changed on 2026-12-01: now missing Oral antidepressant alongside";
        assertThat(billing.get("/cases/" + losesIt).body()).contains(notice);
        assertThat(billing.get("/cases/" + gainsIt).body()).contains("policy cigna-spravato changed on 2026-12-01: now complete");
        assertThat(billing.get("/cases/" + before).body()).doesNotContain("changed on 2026-12-01");
        assertThat(billing.get("/cases").body()).contains(notice);
        // and the administrator's page lists the new version
        FormClient admin = new FormClient(port).signIn(ADMIN, ApiClient.PASSWORD);
        assertThat(admin.get("/admin/policies").body()).contains("2027.1 (2026-12-01)");
    }

    @Test
    void aPreviewShowsWhatAVersionWouldChangeAndStoresAndChangesNothing() throws IOException {
        // a policy id of its own, so what the other tests upload for Cigna does not decide what is in force
        String id = "preview-spravato";
        Response v1 = upload(cigna().replaceFirst("(?m)^id: cigna-spravato$", "id: " + id)
                .replace("version: \"2026.11\"", "version: \"1\"\neffectiveFrom: 2020-01-01"));
        assertThat(v1.status()).as(v1.text()).isEqualTo(201);
        String losesIt = createCase(id, "2026-12-01", "PSYCHIATRY", false);
        String yaml = changedCigna("2", "2026-12-01", false).replaceFirst("(?m)^id: cigna-spravato$", "id: " + id);
        long uploadsBefore = stored();
        long notices = jdbc.queryForObject("SELECT COUNT(*) FROM policy_notices", Long.class);

        Response preview = api.post("/api/v1/policies?preview=true", ADMIN, yaml.getBytes(StandardCharsets.UTF_8), YAML);

        assertThat(preview.status()).as(preview.text()).isEqualTo(200);
        assertThat(preview.json().get("version").asString()).isEqualTo("2");
        assertThat(preview.json().get("impact").toString()).contains(losesIt, "CONCURRENT_ANTIDEPRESSANT");
        assertThat(stored()).isEqualTo(uploadsBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM policy_notices", Long.class)).isEqualTo(notices);
        assertThat(api.get("/api/v1/cases/" + losesIt + "/completeness", BILLING).json().get("complete").asBoolean()).isTrue();
        assertThat(auditDetails("POLICY_PREVIEWED")).contains("OK admin policy=" + id + " version=2 sha256="
                + PolicyUploadService.sha256(yaml));
        assertThat(api.post("/api/v1/policies?preview=true", ADMIN, "id: [".getBytes(StandardCharsets.UTF_8), YAML)
                .status()).as("a preview refuses what an upload refuses").isEqualTo(400);

        // the administrator's page: preview first, then put the previewed text in use
        FormClient admin = new FormClient(port).signIn(ADMIN, ApiClient.PASSWORD);
        admin.get("/admin/policies");
        String previewed = admin.postMultipart("/admin/policies", Map.of("preview", "true"), "cigna.yaml",
                yaml.getBytes(StandardCharsets.UTF_8)).body();
        assertThat(previewed).contains("Preview of policy " + id + " version 2", "nothing is stored yet", losesIt);
        assertThat(stored()).isEqualTo(uploadsBefore);
        String used = admin.postMultipart("/admin/policies", Map.of("yaml", yaml), null, null).body();
        assertThat(used).contains("Policy " + id + " version 2, in force from 2026-12-01, is stored and in use");
        assertThat(stored()).isEqualTo(uploadsBefore + 1);
        assertThat(api.get("/api/v1/cases/" + losesIt + "/completeness", BILLING).json().get("complete").asBoolean()).isFalse();
    }

    @Test
    void aFileThatDoesNotReadIsRefused400NamingKeyAndLineAndNothingIsStored() {
        long before = stored();
        String yaml = "id: broken-policy\nversion: \"1\"\neffectiveFrom: 2027-01-01\nname: Broken\nsource: test\n"
                + "treatments: [ESKETAMINE]\ncriteria:\n  pdmp:\n    pdmpWindowDays: 30\n    pdmpWindowWeeks: 4\n";

        Response r = api.post("/api/v1/policies", ADMIN, yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), YAML);

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString()).startsWith("criteria.pdmp");
        assertThat(error.get("message").asString()).contains("unknown key 'pdmpWindowWeeks'").containsPattern("\\(line \\d+\\)");
        assertThat(stored()).isEqualTo(before);
        assertThat(catalog.find("broken-policy")).isEmpty();
        assertThat(auditDetails("POLICY_UPLOAD_REFUSED"))
                .contains("REJECTED admin sha256=" + PolicyUploadService.sha256(yaml));
    }

    /** What the case list, the case and the worklist say of a case: {@code complete status listed-complete listed-status ready-to-submit}. */
    String storedFlags(String caseId) {
        return storedFlags(api, caseId);
    }

    /** The same, through any client: ContentEditedBetweenRestartsTest reads them from a service of its own. */
    static String storedFlags(ApiClient api, String caseId) {
        JsonNode c = api.get("/api/v1/cases/" + caseId, BILLING).json();
        JsonNode row = null;
        for (JsonNode r : api.get("/api/v1/cases", BILLING).json()) {
            if (r.get("id").asString().equals(caseId)) {
                row = r;
            }
        }
        assertThat(row).as("listed").isNotNull();
        boolean ready = api.get("/api/v1/worklist", BILLING).json().get("readyToSubmit").findValuesAsString("caseId")
                .contains(caseId);
        return c.get("complete").asBoolean() + " " + c.get("status").asString() + " " + row.get("complete").asBoolean()
                + " " + row.get("status").asString() + " " + (ready ? "readyToSubmit" : "-");
    }

    @Test
    void anUploadRewritesTheStoredCompleteOfTheCasesItFlipsSoCaseListAndWorklistAgreeWithTheReport() throws IOException {
        // a policy id of its own, so what the other tests upload for Cigna does not decide what is in force
        String id = "flags-spravato";
        String first = cigna().replaceFirst("(?m)^id: cigna-spravato$", "id: " + id)
                .replace("version: \"2026.11\"", "version: \"1\"\neffectiveFrom: 2020-01-01");
        Response v1 = upload(first);
        assertThat(v1.status()).as(v1.text()).isEqualTo(201);
        String losesIt = createCase(id, "2026-12-01", "PSYCHIATRY", false);
        String gainsIt = createCase(id, "2026-12-07", "PSYCHIATRIC_NP", true);
        assertThat(packetVersion(losesIt)).isEqualTo("1");
        long version = api.get("/api/v1/cases/" + losesIt, BILLING).json().get("version").asLong();
        assertThat(storedFlags(losesIt)).isEqualTo("true READY true READY readyToSubmit");
        assertThat(storedFlags(gainsIt)).isEqualTo("false DRAFT false DRAFT -");

        Response v2 = upload(changedCigna("2", "2026-12-01", false).replaceFirst("(?m)^id: cigna-spravato$", "id: " + id));

        assertThat(v2.status()).as(v2.text()).isEqualTo(201);
        assertThat(v2.json().get("impact").findValuesAsString("caseId")).containsExactlyInAnyOrder(losesIt, gainsIt);
        assertThat(api.get("/api/v1/cases/" + losesIt + "/completeness", BILLING).json().get("complete").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/cases/" + gainsIt + "/completeness", BILLING).json().get("complete").asBoolean()).isTrue();
        assertThat(storedFlags(losesIt)).isEqualTo("false DRAFT false DRAFT -");
        assertThat(storedFlags(gainsIt)).isEqualTo("true READY true READY -");
        // nobody edited the case: a client holding its version may still save it
        assertThat(api.get("/api/v1/cases/" + losesIt, BILLING).json().get("version").asLong()).isEqualTo(version);
        assertThat(auditDetails("CASE_COMPLETENESS_RECOMPUTED")).contains(
                "OK admin policy=" + id + " version=2 complete=true->false",
                "OK admin policy=" + id + " version=2 complete=false->true");
        assertThat(jdbc.queryForList("SELECT case_id FROM audit_events WHERE action = 'CASE_COMPLETENESS_RECOMPUTED'",
                String.class)).contains(losesIt, gainsIt);
    }

    @Test
    void versionsUploadedAtOnceStoreOneAfterTheOtherSoOfOneDateTheLaterStoredIsInForceAndStoredFlagsFollowIt()
            throws Exception {
        // a policy id of its own; each round uploads two versions at the same moment: one that makes the
        // cases complete (Cigna's rules) and one that makes them lack an oral antidepressant
        String id = "parallel-spravato";
        String complete = cigna().replaceFirst("(?m)^id: cigna-spravato$", "id: " + id);
        Response first = upload(complete.replace("version: \"2026.11\"", "version: \"0\"\neffectiveFrom: 2020-01-01"));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        List<String> cases = List.of(createCase(id, "2026-12-07", "PSYCHIATRY", false),
                createCase(id, "2026-12-08", "PSYCHIATRY", false));
        for (int round = 1; round <= 6; round++) {
            boolean sameDate = round % 2 == 1;
            String lacking = changedCigna("r" + round + "-lacking", "2026-11-" + (10 + 2 * round), false)
                    .replaceFirst("(?m)^id: cigna-spravato$", "id: " + id);
            String completeDate = "2026-11-" + (sameDate ? 10 + 2 * round : 11 + 2 * round);
            String completeAgain = complete.replace("version: \"2026.11\"", "version: \"r" + round + "-complete\"\n"
                    + "effectiveFrom: " + completeDate);
            List<Integer> statuses = uploadAtOnce(lacking, completeAgain);

            assertThat(statuses).as("round %d: both stored", round).containsExactly(201, 201);
            // of one date the one stored later is in force: it was judged with the other in the catalog
            String inForce = sameDate ? jdbc.queryForObject("SELECT version FROM policy_uploads WHERE policy_id = ? "
                    + "ORDER BY id DESC LIMIT 1", String.class, id) : "r" + round + "-complete";
            List<String> versions = api.get("/api/v1/policies/" + id + "/versions", ADMIN).json().findValuesAsString("version");
            assertThat(versions).as("round %d: newest last", round).last().isEqualTo(inForce);
            for (String c : cases) {
                assertThat(api.get("/api/v1/cases/" + c + "/completeness", BILLING).json().get("policy").get("version")
                        .asString()).as("round %d", round).isEqualTo(inForce);
                boolean fresh = api.get("/api/v1/cases/" + c + "/completeness", BILLING).json().get("complete").asBoolean();
                String flags = fresh ? "true READY true READY -" : "false DRAFT false DRAFT -";
                assertThat(storedFlags(c)).as("round %d: stored flags of %s", round, c).isEqualTo(flags);
            }
        }
    }

    @Test
    void aCaseSavedWhileAVersionIsUploadedKeepsTheVerdictOfTheVersionInUseNotOfTheOneBefore() throws Exception {
        // clerks keep saving the cases (unchanged) while each round's version flips them
        String id = "saved-meanwhile-spravato";
        String complete = cigna().replaceFirst("(?m)^id: cigna-spravato$", "id: " + id);
        Response first = upload(complete.replace("version: \"2026.11\"", "version: \"0\"\neffectiveFrom: 2020-01-01"));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cases.add(createCase(id, "2026-12-07", "PSYCHIATRY", false));
        }
        for (int round = 1; round <= 6; round++) {
            String date = "2020-01-" + (10 + round);
            String yaml = round % 2 == 1
                    ? changedCigna("r" + round, date, false).replaceFirst("(?m)^id: cigna-spravato$", "id: " + id)
                    : complete.replace("version: \"2026.11\"", "version: \"r" + round + "\"\neffectiveFrom: " + date);
            AtomicBoolean uploading = new AtomicBoolean(true);
            CountDownLatch saving = new CountDownLatch(1);
            ExecutorService clerk = Executors.newSingleThreadExecutor();
            Future<Integer> saves = clerk.submit(() -> saveUntil(cases, uploading, saving));
            assertThat(saving.await(1, TimeUnit.MINUTES)).isTrue();
            Response answer = upload(yaml);
            uploading.set(false);
            int saved = saves.get(2, TimeUnit.MINUTES);
            clerk.shutdown();

            assertThat(answer.status()).as(answer.text()).isEqualTo(201);
            assertThat(saved).as("round %d: saves while uploading", round).isPositive();
            for (String c : cases) {
                boolean fresh = api.get("/api/v1/cases/" + c + "/completeness", BILLING).json().get("complete").asBoolean();
                assertThat(fresh).as("round %d: version r%d judges it", round, round).isEqualTo(round % 2 == 0);
                String flags = fresh ? "true READY true READY -" : "false DRAFT false DRAFT -";
                assertThat(storedFlags(c)).as("round %d: stored flags of %s", round, c).isEqualTo(flags);
            }
        }
    }

    /**
     * Saves each case unchanged, round and round, until {@code go} turns false (counting {@code saving}
     * down at the first save, so the upload starts while saves are under way); how many were made.
     */
    int saveUntil(List<String> cases, AtomicBoolean go, CountDownLatch saving) {
        ApiClient clerk = new ApiClient(port);
        int saved = 0;
        do {
            for (String c : cases) {
                ObjectNode body = (ObjectNode) clerk.get("/api/v1/cases/" + c, BILLING).json();
                body.remove(List.of("complete", "authorization", "clinicId", "createdBy", "updatedBy"));
                Response put = clerk.put("/api/v1/cases/" + c, BILLING, body.toString());
                assertThat(put.status()).as(put.text()).isEqualTo(200);
                saved++;
                saving.countDown();
            }
        } while (go.get());
        return saved;
    }

    /** Both files posted by two threads released together; their statuses in the order given. */
    List<Integer> uploadAtOnce(String one, String two) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Response>> sent = new ArrayList<>();
            for (String yaml : List.of(one, two)) {
                ApiClient own = new ApiClient(port);
                sent.add(pool.submit(() -> {
                    start.await();
                    return own.post("/api/v1/policies", ADMIN, yaml.getBytes(StandardCharsets.UTF_8), YAML);
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> r : sent) {
                Response answer = r.get(2, TimeUnit.MINUTES);
                assertThat(answer.status()).as(answer.text()).isIn(201, 409);
                statuses.add(answer.status());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A small policy whose line numbers the tables below count on (line 1 is {@code id}). */
    static final String SMALL = """
            id: load-errors
            version: "1"
            effectiveFrom: 2027-01-01
            name: Load errors
            source: test
            treatments: [ESKETAMINE]
            approval: 6 months
            criteria:
              age: {minAge: 18}
              pdmp:
                pdmpWindowDays: 30
              reauthResponse:
                reauthMinImprovementPct: 50
            """;

    /** {@code SMALL} with {@code from} replaced by {@code to}; an empty {@code from} means {@code to} is the whole file. */
    static String small(String from, String to) {
        String edit = to.replace("\\n", "\n");
        if (from.isEmpty()) {
            return edit;
        }
        assertThat(SMALL).contains(from);
        return SMALL.replace(from, edit);
    }

    Response upload(String yaml) {
        return api.post("/api/v1/policies", ADMIN, yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), YAML);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a text where a section belongs | 'age: {minAge: 18}'           | 'age: eighteen'                                   | criteria.age                 | expected a section with the keys minAge, maxAge, found the text 'eighteen' (line 9)",
        "a list instead of one policy   | ''                            | '- id: one\\n- id: two\\n'                          | file                         | the file must hold one policy (a section of keys), found a list (line 1)",
        "two YAML documents             | 'reauthMinImprovementPct: 50' | 'reauthMinImprovementPct: 50\\n---\\nid: second'     | file                         | the file holds more than one YAML document (a second one starts here): keep one per file (line 15)",
        "a number too large for a count | 'pdmpWindowDays: 30'          | 'pdmpWindowDays: 99999999999999999999'            | criteria.pdmp.pdmpWindowDays | 99999999999999999999 is too large (line 11)",
    })
    void aFileThatDoesNotLoadIsExplainedInPlainWordsWithKeyAndLineNeverInJavasOrTheLibrarysWords(
            String why, String from, String to, String field, String message) {
        long before = stored();

        Response r = upload(small(from, to));

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("message").asString()).isEqualTo(message);
        assertThat(r.text()).doesNotContain("dev.authpack", "java.", "Jackson", "JsonToken", "DeserializationFeature",
                "Cannot construct", "Cannot deserialize", "`");
        assertThat(stored()).isEqualTo(before);
    }

    /**
     * A file saved as Latin-1 or Windows-1252 (an accented name, a dash in the source) was read as UTF-8 with
     * each such byte replaced by "\uFFFD", stored and put in use: the name and source printed on the packet's
     * request page read "caf\uFFFD". Start-up refuses such a file naming the line (TemplateText); an upload now
     * does the same, through the API and the Payer policies page.
     */
    @Test
    void aFileNotInUtf8IsRefused400NamingTheLineAndNothingIsStoredNorShownWithReplacementCharacters() {
        long before = stored();
        byte[] latin1 = small("name: Load errors", "name: Caf\u00e9 policy").getBytes(StandardCharsets.ISO_8859_1);

        Response r = api.post("/api/v1/policies", ADMIN, latin1, YAML);
        FormClient admin = new FormClient(port).signIn(ADMIN, "demo-pass-2026");
        admin.get("/admin/policies");
        String page = admin.postMultipart("/admin/policies", Map.of("preview", "true"), "latin1.yaml", latin1).body();

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString() + ": " + error.get("message").asString())
                .isEqualTo("file: the file is not UTF-8 text: an accented or special character was saved in another "
                        + "encoding (e.g. Latin-1); save the file as UTF-8 (line 4)");
        assertThat(page).contains("the file is not UTF-8 text").contains("(line 4)").doesNotContain("\uFFFD")
                .doesNotContain("Preview of policy");
        assertThat(stored()).isEqualTo(before);
        assertThat(auditDetails("POLICY_UPLOAD_REFUSED")).as("the refused upload, by the hash of what was sent")
                .contains("REJECTED admin sha256=" + PolicyUploadService.sha256(latin1));
    }

    /**
     * A PDF chosen by mistake (the payer's policy document instead of its YAML) was told "not valid YAML: while
     * scanning a directive: expected alphabetic or numeric character, but found .(46) (line 1)", and a file saved
     * as UTF-16 ("Unicode" in Notepad; without a byte order mark its zero bytes pass as UTF-8) "not valid YAML:
     * special characters are not allowed (line 1)": both read as a typo to hunt for in a file that has none.
     * The answer now says what the file is, on the API and the Payer policies page.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a PDF|pdf|file: the file is a PDF, not a policy YAML file: choose the policy's .yaml file",
            "UTF-16 with a byte order mark|UTF-16|file: the file is not UTF-8 text (it looks like UTF-16): save the file as UTF-8",
            "UTF-16LE without one|UTF-16LE|file: the file is not UTF-8 text (it looks like UTF-16): save the file as UTF-8",
            "UTF-16BE without one|UTF-16BE|file: the file is not UTF-8 text (it looks like UTF-16): save the file as UTF-8"})
    void aPdfOrAUtf16FileIsRefused400SayingWhatTheFileIsNotAsAYamlSyntaxError(String why, String kind, String expected)
            throws IOException {
        long before = stored();
        byte[] file = kind.equals("pdf") ? Files.readAllBytes(Path.of("tools/pdf-layout/attachment.pdf"))
                : SMALL.getBytes(java.nio.charset.Charset.forName(kind));

        Response r = api.post("/api/v1/policies", ADMIN, file, YAML);
        FormClient admin = new FormClient(port).signIn(ADMIN, "demo-pass-2026");
        admin.get("/admin/policies");
        String page = admin.postMultipart("/admin/policies", Map.of("preview", "true"), "policy.yaml", file).body();

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString() + ": " + error.get("message").asString()).isEqualTo(expected);
        assertThat(r.text()).doesNotContain("YAML:", "special characters", "directive");
        assertThat(page).contains(kind.equals("pdf") ? "the file is a PDF, not a policy YAML file" : "(it looks like UTF-16)")
                .doesNotContain("special characters", "directive", "Preview of policy");
        assertThat(stored()).isEqualTo(before);
    }

    /**
     * A policy sent as JSON (or text/plain) was told "uploads are multipart/form-data with the PDF as part 'file';
     * other writes take application/json": the opposite of what this address reads, and for the JSON sent, no
     * help at all. The answer now names the types it reads and the one it got, as the Accept header does.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"application/json", "text/plain", "multipart/form-data; boundary=x"})
    void aPolicySentAsAnotherTypeIsA415NamingTheYamlTypesThisAddressReads(String contentType) {
        Response r = api.post("/api/v1/policies", ADMIN, "{\"id\": \"x\"}".getBytes(StandardCharsets.UTF_8), contentType);

        assertThat(r.status()).as(r.text()).isEqualTo(415);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString())
                .isEqualTo("The body's Content-Type is not one this address reads: send application/yaml, "
                        + "application/x-yaml, text/yaml or text/x-yaml, not " + contentType.split(";")[0] + ".")
                .doesNotContain("PDF");
    }

    /** The policy lists and the packet letter show the name: 10,000 characters were stored and shown whole. */
    @Test
    void aNameOfTenThousandCharactersIsRefused400NamingTheKeyAndLineAndNothingIsStored() {
        long before = stored();

        Response name = upload(small("name: Load errors", "name: " + "N".repeat(10_000)));

        assertThat(name.status()).as(name.text()).isEqualTo(400);
        assertThat(name.contentType()).startsWith("application/problem+json");
        assertThat(name.json().get("errors").get(0).get("field").asString() + ": "
                + name.json().get("errors").get(0).get("message").asString())
                .isEqualTo("name: name must be at most 200 characters, not 10000 (line 4)");
        assertThat(stored()).isEqualTo(before);
    }

    /** The database keeps an id of 200 and a version of 40 characters: a longer one was a 500 "Value too long for column". */
    @Test
    void anIdOrVersionLongerThanItsColumnIsRefused400NamingTheKeyAndNothingIsStored() {
        long before = stored();

        Response version = upload(small("version: \"1\"", "version: \"" + "9".repeat(41) + "\""));
        Response id = upload(small("id: load-errors", "id: " + "a".repeat(201)));

        assertThat(version.status()).as(version.text()).isEqualTo(400);
        assertThat(version.contentType()).startsWith("application/problem+json");
        assertThat(version.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
        assertThat(version.json().get("errors").get(0).get("message").asString())
                .isEqualTo("version must be at most 40 characters, not 41 (line 2)");
        assertThat(id.status()).as(id.text()).isEqualTo(400);
        assertThat(id.json().get("errors").get(0).get("field").asString() + ": "
                + id.json().get("errors").get(0).get("message").asString())
                .isEqualTo("id: id must be at most 200 characters, not 201 (line 1)");
        assertThat(stored()).isEqualTo(before);
    }

    /**
     * effectiveFrom is a date like every other Authpack takes: years 1900 to 2999 ({@code CalendarDates}). A year
     * 0000, a signed or a five-digit year was stored (201), listed by {@code GET /policies} as "+999999999-12-31",
     * which is no YYYY-MM-DD, and held in a DATE column whose range differs between H2 and PostgreSQL
     * (session 34's bad-input review).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "year 0000      | 0000-01-01",
        "a signed year  | -999999999-01-01",
        "a huge year    | +999999999-12-31",
        "year 1899      | 1899-12-31",
        "year 3000      | 3000-01-01",
    })
    void anEffectiveFromOutsideTheYearsAuthpackTakesIsRefused400NamingItAndNothingIsStored(String why, String date) {
        long before = stored();

        Response r = upload(small("effectiveFrom: 2027-01-01", "effectiveFrom: " + date));

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString() + ": " + error.get("message").asString())
                .isEqualTo("effectiveFrom: effectiveFrom must be a date between 1900-01-01 and 2999-12-31 (line 3)");
        assertThat(stored()).isEqualTo(before);
    }

    /**
     * The version is stored in a column of its own: a NUL written as YAML's {@code "\0"} was stored on H2 (201) and
     * a 500 on PostgreSQL, whose text columns cannot hold it; other control characters were stored on both and then
     * printed on every packet. Found by the session 23 H2/PostgreSQL differential test.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a NUL       | 2\\0x",
        "a tab       | 2\\tx",
        "a bell      | 2\\ax",
        "a next-line | 2\\Nx",
    })
    void aVersionWithAControlCharacterIsRefused400NamingTheKeyAndNothingIsStored(String why, String escaped) {
        long before = stored();

        Response r = upload(small("version: \"1\"", "version: \"" + escaped + "\""));

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString() + ": " + error.get("message").asString())
                .isEqualTo("version: version contains a control or invalid character (line 2)");
        assertThat(stored()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a misspelt required key        | 'pdmpWindowDays: 30'          | 'pdmpWindowWeeks: 3'           | criteria.pdmp.pdmpWindowWeeks                  | unknown key 'pdmpWindowWeeks' (line 11)",
        "an unknown key at the top      | 'approval: 6 months'          | 'approvel: 6 months'           | approvel                                       | unknown key 'approvel' (line 7)",
        "a value out of its range       | 'reauthMinImprovementPct: 50' | 'reauthMinImprovementPct: 150' | criteria.reauthResponse.reauthMinImprovementPct | reauthMinImprovementPct must be between 0 and 100, not 150 (line 13)",
        "augmentation without trials    | 'age: {minAge: 18}'           | 'age: {minAge: 18}\\n  augmentation: {minAugmentationTrials: 1, minAugmentationWeeks: 6, augmentationOrPsychotherapy: false}' | criteria.augmentation | augmentation needs a failedTrials section: augmentation trials qualify by its rules (line 10)",
    })
    void theFirstErrorNamesTheKeyAtFaultWithItsOwnLine(String why, String from, String to, String field, String message) {
        Response r = upload(small(from, to));

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString() + ": " + error.get("message").asString())
                .isEqualTo(field + ": " + message);
    }

    @Test
    void aMisspeltRequiredKeyIsNamedBeforeTheKeyItLeftMissing() {
        Response r = upload(small("pdmpWindowDays: 30", "pdmpWindowWeeks: 3"));

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        List<String> errors = new ArrayList<>();
        r.json().get("errors").forEach(e -> errors.add(e.get("field").asString() + ": " + e.get("message").asString()));
        assertThat(errors).containsExactly("criteria.pdmp.pdmpWindowWeeks: unknown key 'pdmpWindowWeeks' (line 11)",
                "criteria.pdmp.pdmpWindowDays: pdmpWindowDays is required (line 10)");
    }

    @Test
    void aFileWhoseExamplesFailIsRefused422ListingThemAndNothingIsStored() throws IOException {
        long before = stored();
        String yaml = changedCigna("2027.9", "2027-03-01", true);

        Response r = api.post("/api/v1/policies", ADMIN, yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), YAML);

        assertThat(r.status()).as(r.text()).isEqualTo(422);
        List<String> failures = new ArrayList<>();
        r.json().get("failures").forEach(f -> failures.add(f.asString()));
        assertThat(failures).isNotEmpty();
        assertThat(failures).anyMatch(f -> f.contains("CONCURRENT_ANTIDEPRESSANT expected ABSENT, got MISSING"));
        assertThat(r.json().get("examples").get("failed").asInt()).isEqualTo(failures.size());
        assertThat(stored()).isEqualTo(before);
        assertThat(catalog.versions("cigna-spravato")).noneMatch(p -> p.version().equals("2027.9"));
        assertThat(auditDetails("POLICY_UPLOAD_REFUSED")).contains("REJECTED admin policy=cigna-spravato version=2027.9 "
                + "sha256=" + PolicyUploadService.sha256(yaml));
    }

    /**
     * On the Payer policies page a file whose examples failed showed only the failed examples, one per line: not
     * that they are the file's own worked examples, nor that nothing was stored. The page now says so first, in
     * the words of the API's detail.
     */
    @Test
    void aFileWhoseExamplesFailSaysOnThePageThatTheyFailedAndNothingWasStored() throws IOException {
        long before = stored();
        FormClient admin = new FormClient(port).signIn(ADMIN, "demo-pass-2026");
        admin.get("/admin/policies");

        String page = admin.postMultipart("/admin/policies", Map.of(), "cigna.yaml",
                changedCigna("2027.10", "2027-03-02", true).getBytes(StandardCharsets.UTF_8)).body();

        assertThat(page).containsPattern("\\d+ of \\d+ examples got another verdict; nothing was stored")
                .contains("CONCURRENT_ANTIDEPRESSANT expected ABSENT, got MISSING");
        assertThat(page.indexOf("examples got another verdict")).as("the summary first")
                .isLessThan(page.indexOf("CONCURRENT_ANTIDEPRESSANT expected"));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anExistingIdAndVersionIsRefused409AndNothingIsStored() throws IOException {
        String shipped = cigna().replace("version: \"2026.11\"", "version: \"2026.11\"\neffectiveFrom: 2027-06-01");
        long before = stored();
        Response r = api.post("/api/v1/policies", ADMIN, shipped.getBytes(java.nio.charset.StandardCharsets.UTF_8), YAML);
        assertThat(r.status()).as(r.text()).isEqualTo(409);
        assertThat(r.json().get("title").asString()).isEqualTo("Policy version already uploaded");
        assertThat(stored()).isEqualTo(before);

        String fresh = "id: acme-self-pay\nversion: \"1\"\neffectiveFrom: 2026-01-01\nname: Acme self-pay\n"
                + "source: test\ntreatments: [ESKETAMINE]\ncriteria: {}\n";
        assertThat(api.post("/api/v1/policies", ADMIN, fresh.getBytes(java.nio.charset.StandardCharsets.UTF_8), YAML)
                .status()).isEqualTo(201);
        assertThat(api.get("/api/v1/policies", BILLING).text()).contains("acme-self-pay");
        long afterFirst = stored();
        Response again = api.post("/api/v1/policies", ADMIN, fresh.getBytes(java.nio.charset.StandardCharsets.UTF_8), YAML);
        assertThat(again.status()).as(again.text()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("title").asString()).isEqualTo("Policy version already uploaded");
        assertThat(stored()).isEqualTo(afterFirst);
        assertThat(auditDetails("POLICY_UPLOAD_REFUSED")).contains("CONFLICT admin policy=acme-self-pay version=1 "
                + "sha256=" + PolicyUploadService.sha256(fresh));

        // a new version on the same day is no conflict: it is stored, and in force from that day (the later stored)
        String sameDay = fresh.replace("version: \"1\"", "version: \"2\"");
        Response taken = api.post("/api/v1/policies", ADMIN, sameDay.getBytes(java.nio.charset.StandardCharsets.UTF_8), YAML);
        assertThat(taken.status()).as(taken.text()).isEqualTo(201);
        assertThat(stored()).isEqualTo(afterFirst + 1);
        assertThat(catalog.inForce("acme-self-pay", java.time.LocalDate.of(2026, 1, 1))).get()
                .extracting(p -> p.version()).isEqualTo("2");
    }

    @Test
    void aShippedFileSentAgainAsItIsIsRefused409ForTheVersionItRepeatsNotForTheEffectiveFromItLeavesOut()
            throws IOException {
        // none of the four original policies has an effectiveFrom; the contract's answer to an existing id+version is 409
        String shipped = Files.readString(Path.of("templates/policies/esketamine-standard.yaml"));
        long before = stored();
        Response r = api.post("/api/v1/policies", ADMIN, shipped.getBytes(StandardCharsets.UTF_8), YAML);
        assertThat(r.status()).as(r.text()).isEqualTo(409);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("title").asString()).isEqualTo("Policy version already uploaded");
        assertThat(stored()).isEqualTo(before);

        // a new version without the date is taken like the shipped file (UploadedVersionsSharingADateTest stores
        // one on a database of its own: here it would judge the other tests' cases); previewed, nothing is stored
        Response undated = api.post("/api/v1/policies?preview=true", ADMIN,
                shipped.replace("version: \"2026.1\"", "version: \"2099.1\"").getBytes(StandardCharsets.UTF_8), YAML);
        assertThat(undated.status()).as(undated.text()).isEqualTo(200);
        assertThat(undated.json().get("effectiveFrom").isNull()).isTrue();
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void onlyAnAdministratorMayUpload() {
        String fresh = "id: billing-try\nversion: \"1\"\neffectiveFrom: 2026-01-01\nname: x\nsource: x\n"
                + "treatments: [ESKETAMINE]\ncriteria: {}\n";
        assertThat(api.post("/api/v1/policies", BILLING, fresh.getBytes(java.nio.charset.StandardCharsets.UTF_8), YAML)
                .status()).isEqualTo(403);
        assertThat(catalog.find("billing-try")).isEmpty();
    }

    /** The version a packet of the case was generated under, as the document list says. */
    String packetVersion(String caseId) {
        Response r = api.post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("policyVersion").asString();
    }

    List<String> listedVersions(String caseId) {
        List<String> versions = new ArrayList<>();
        api.get("/api/v1/cases/" + caseId + "/documents", BILLING).json()
                .forEach(d -> versions.add(d.get("policyVersion").asString()));
        return versions;
    }

    @Test
    void aPacketKeepsNamingItsVersionAndRegeneratingUsesTheVersionInForceOnTheStartDate() throws IOException {
        String after = createCase("2027-01-05", "PSYCHIATRY", true);     // the new version's first day
        String dayBefore = createCase("2027-01-04", "PSYCHIATRY", true);
        String first = packetVersion(after);
        String firstBefore = packetVersion(dayBefore);
        assertThat(first).isNotEqualTo("2027.2");
        // same rules, new version: only the name changes (no examples: they would be dated before it)
        String yaml = cigna().replace("version: \"2026.11\"", "version: \"2027.2\"\neffectiveFrom: 2027-01-05")
                .replace("name: Cigna", "name: Cigna (January 2027)");
        yaml = yaml.substring(0, yaml.indexOf("\nexamples:")) + "\n";
        Response up = api.post("/api/v1/policies", ADMIN, yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), YAML);
        assertThat(up.status()).as(up.text()).isEqualTo(201);
        assertThat(up.json().get("examples").get("passed").asInt()).isZero();

        String regenerated = packetVersion(after);
        String regeneratedBefore = packetVersion(dayBefore);

        assertThat(regenerated).isEqualTo("2027.2");
        assertThat(regeneratedBefore).isEqualTo(firstBefore);
        // newest first: the old packet still names the version it was made under
        assertThat(listedVersions(after)).containsExactly("2027.2", first);
        assertThat(listedVersions(dayBefore)).containsExactly(firstBefore, firstBefore);
        FormClient billing = new FormClient(port).signIn(BILLING, ApiClient.PASSWORD);
        assertThat(billing.get("/cases/" + after).body()).contains("cigna-spravato 2027.2", "cigna-spravato " + first);
    }

    @Test
    void anUploadStoredByAnotherInstanceIsSeenWithinSeconds() throws InterruptedException {
        // another instance writes the row; this one has never seen it
        String yaml = "id: other-instance\nversion: \"7\"\neffectiveFrom: 2026-02-01\nname: Other\nsource: test\n"
                + "treatments: [ESKETAMINE]\ncriteria: {}\n";
        jdbc.update("INSERT INTO policy_uploads (policy_id, version, effective_from, yaml, sha256, uploaded_by, uploaded_at) "
                + "VALUES ('other-instance', '7', DATE '2026-02-01', ?, 'x', 'admin', CURRENT_TIMESTAMP)", yaml);
        int status = 0;
        for (int i = 0; i < 40 && status != 200; i++) {
            status = api.get("/api/v1/policies/other-instance/versions", BILLING).status();
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        assertThat(status).isEqualTo(200);
        assertThat(Map.of("v", api.get("/api/v1/policies/other-instance/versions", BILLING).json().get(0)
                .get("version").asString())).containsEntry("v", "7");
    }
}

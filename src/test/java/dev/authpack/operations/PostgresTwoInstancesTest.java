package dev.authpack.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.AuthpackApplication;
import dev.authpack.policy.Policy;
import dev.authpack.policy.PolicyCatalog;
import dev.authpack.rendering.TestPdfs;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.EmbeddedPostgresForTests;
import dev.authpack.support.FormClient;
import dev.authpack.support.Multipart;
import dev.authpack.support.Samples;
import dev.authpack.support.ServiceMigrations;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two instances of the application on one PostgreSQL database, as behind a load balancer without
 * sticky sessions: a clerk signed in through A goes on through B, documents generated on one are
 * served by the other, concurrent edits of one version never both win, a write retried on the other
 * instance with its Idempotency-Key gets the first answer, and a scheduled job runs on one instance
 * at a time.
 */
class PostgresTwoInstancesTest {

    private static final String CLERK = "north.billing";
    /** Room for one of the 120 KB scans below, not for two. */
    private static final int MAX_CASE_BYTES = 200_000;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoInstances() {
        String url = EmbeddedPostgresForTests.newDatabase("two_instances");
        a = start(url);
        b = start(url);
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void aClerkSignedInOnAGoesOnThroughBAndDocumentsAreServedByEither() throws Exception {
        FormClient onA = new FormClient(port(a)).signIn(CLERK, ApiClient.PASSWORD);
        FormClient onB = new FormClient(port(b), onA.cookies()); // the same browser, sent to the other instance
        Response created = new ApiClient(port(a)).post("/api/v1/cases", CLERK, Samples.text("01-complete-esketamine"));
        String caseId = created.json().get("id").asString();

        HttpResponse<String> form = onB.get("/cases/" + caseId + "/edit");
        assertThat(form.statusCode()).as("B knows the session A started").isEqualTo(200);
        List<String> fields = formFields(Samples.tree("01-complete-esketamine"), "");
        fields.addAll(List.of("version", created.json().get("version").asString()));
        replace(fields, "prescriber.phone", "555-0199");
        HttpResponse<String> saved = onB.post("/cases/" + caseId + "/edit", fields.toArray(String[]::new));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(new ApiClient(port(a)).get("/api/v1/cases/" + caseId, CLERK).json().get("prescriber").get("phone")
                .asString()).isEqualTo("555-0199");

        onA.get("/cases/" + caseId);
        HttpResponse<String> generated = onA.post("/cases/" + caseId + "/packet");
        assertThat(generated.statusCode()).isEqualTo(302);
        JsonNode documents = new ApiClient(port(b)).get("/api/v1/cases/" + caseId + "/documents", CLERK).json();
        assertThat(documents).hasSize(1);
        JsonNode packet = documents.get(0);

        HttpResponse<byte[]> download = onB.download("/documents/" + packet.get("id").asString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(sha256(download.body())).isEqualTo(packet.get("sha256").asString());

        onB.get("/cases");
        assertThat(onB.post("/logout").statusCode()).isEqualTo(302);
        HttpResponse<String> afterSignOut = onA.get("/cases");
        assertThat(afterSignOut.statusCode()).as("signing out on B ends the session on A too").isEqualTo(302);
        assertThat(afterSignOut.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void simultaneousEditsOfOneVersionThroughAAndBNeverBothWin() throws Exception {
        ApiClient apiA = new ApiClient(port(a));
        ApiClient apiB = new ApiClient(port(b));
        Response created = apiA.post("/api/v1/cases", CLERK, Samples.text("01-complete-esketamine"));
        String path = "/api/v1/cases/" + created.json().get("id").asString();
        long version = created.json().get("version").asLong();
        for (int attempt = 0; attempt < 8; attempt++) {
            String phoneA = String.format("555-1%03d", attempt);
            String phoneB = String.format("555-2%03d", attempt);
            CyclicBarrier together = new CyclicBarrier(2);
            long current = version;
            CompletableFuture<Response> viaA = CompletableFuture.supplyAsync(() -> put(apiA, path, current, phoneA, together));
            CompletableFuture<Response> viaB = CompletableFuture.supplyAsync(() -> put(apiB, path, current, phoneB, together));
            Response ra = viaA.get();
            Response rb = viaB.get();

            assertThat(List.of(ra.status(), rb.status())).as("attempt " + attempt).containsExactlyInAnyOrder(200, 409);
            Response winner = ra.status() == 200 ? ra : rb;
            JsonNode stored = apiB.get(path, CLERK).json();
            assertThat(stored.get("prescriber").get("phone").asString())
                    .as("the stored case is the one whose answer was 200").isEqualTo(ra.status() == 200 ? phoneA : phoneB);
            assertThat(stored.get("version").asLong()).isEqualTo(winner.json().get("version").asLong());
            version = stored.get("version").asLong();
        }
    }

    @Test
    void twoVersionsOfOnePolicyUploadedThroughAAndBAtOnceWithOneEffectiveDateAreBothStoredAndBothInstancesUseTheLater()
            throws Exception {
        ApiClient apiA = new ApiClient(port(a));
        ApiClient apiB = new ApiClient(port(b));
        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
        for (int attempt = 0; attempt < 6; attempt++) {
            String date = "2027-0" + (attempt + 1) + "-01";
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<Response> viaA = CompletableFuture.supplyAsync(() -> uploadPolicy(apiA, "a" + date, date, together));
            CompletableFuture<Response> viaB = CompletableFuture.supplyAsync(() -> uploadPolicy(apiB, "b" + date, date, together));
            Response ra = viaA.get();
            Response rb = viaB.get();

            assertThat(List.of(ra.status(), rb.status())).as("attempt %d: %s / %s", attempt, ra.text(), rb.text())
                    .containsExactly(201, 201);
            // of one date the later stored is in force, on both instances alike
            String later = jdbc.queryForObject("SELECT version FROM policy_uploads WHERE policy_id = "
                    + "'two-instances-self-pay' ORDER BY id DESC LIMIT 1", String.class);
            for (ConfigurableApplicationContext instance : List.of(a, b)) {
                PolicyCatalog catalog = instance.getBean(PolicyCatalog.class);
                catalog.refresh();
                assertThat(catalog.inForce("two-instances-self-pay", LocalDate.parse(date))).get()
                        .extracting(Policy::version).as("attempt %d", attempt).isEqualTo(later);
            }
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT effective_from) || ' ' || COUNT(*) FROM policy_uploads "
                + "WHERE policy_id = 'two-instances-self-pay'", String.class)).isEqualTo("6 12");
    }

    @Test
    void aCaseSavedOnBInTheSecondAfterAVersionWasUploadedOnAIsJudgedByThatVersion() {
        ApiClient apiA = new ApiClient(port(a));
        ApiClient apiB = new ApiClient(port(b));
        String policy = "id: lagging-instance\nversion: \"%s\"\neffectiveFrom: %s\nname: Lagging instance\nsource: test\n"
                + "treatments: [%s]\ncriteria: %s\n";
        Response v0 = apiA.post("/api/v1/policies", "admin", String.format(policy, "0", "2020-01-01", "ESKETAMINE", "{}")
                .getBytes(StandardCharsets.UTF_8), "application/yaml");
        assertThat(v0.status()).as(v0.text()).isEqualTo(201);
        b.getBean(PolicyCatalog.class).refresh();
        ObjectNode body = (ObjectNode) Samples.tree("01-complete-esketamine");
        body.put("policyId", "lagging-instance");
        String caseId = apiB.post("/api/v1/cases", CLERK, Samples.json(body)).json().get("id").asString();
        assertThat(apiA.get("/api/v1/cases/" + caseId, CLERK).json().get("complete").asBoolean()).isTrue();

        // B has just read the uploads, so it asks again only in a second; A stores a version that
        // covers IV ketamine only, and rewrites the case's flag; the clerk saves it through B at once
        b.getBean(PolicyCatalog.class).refresh();
        Response v1 = apiA.post("/api/v1/policies", "admin", String.format(policy, "1", "2020-01-02", "KETAMINE_IV",
                "{treatment: true}").getBytes(StandardCharsets.UTF_8), "application/yaml");
        assertThat(v1.status()).as(v1.text()).isEqualTo(201);
        ObjectNode current = (ObjectNode) apiB.get("/api/v1/cases/" + caseId, CLERK).json();
        current.remove(List.of("complete", "authorization", "clinicId", "createdBy", "updatedBy"));
        Response saved = apiB.put("/api/v1/cases/" + caseId, CLERK, current.toString());

        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(apiA.get("/api/v1/cases/" + caseId + "/completeness", CLERK).json().get("complete").asBoolean())
                .isFalse();
        assertThat(saved.json().get("complete").asBoolean()).as("the answer to the save").isFalse();
        assertThat(apiA.get("/api/v1/cases/" + caseId, CLERK).json().get("complete").asBoolean()).as("stored").isFalse();
        assertThat(apiA.get("/api/v1/cases/" + caseId, CLERK).json().get("status").asString()).isEqualTo("DRAFT");
    }

    private static Response uploadPolicy(ApiClient api, String version, String effectiveFrom, CyclicBarrier together) {
        String yaml = "id: two-instances-self-pay\nversion: \"" + version + "\"\neffectiveFrom: " + effectiveFrom
                + "\nname: Two instances self-pay\nsource: test\ntreatments: [ESKETAMINE]\ncriteria: {}\n";
        await(together, () -> { });
        return api.post("/api/v1/policies", "admin", yaml.getBytes(StandardCharsets.UTF_8), "application/yaml");
    }

    @Test
    void aPacketRequestRetriedOnTheOtherInstanceWithItsKeyGetsTheFirstAnswer() {
        String caseId = new ApiClient(port(a)).post("/api/v1/cases", CLERK, Samples.text("01-complete-esketamine"))
                .json().get("id").asString();
        String key = UUID.randomUUID().toString();

        // the load balancer sent the retry elsewhere, e.g. after the first instance's answer was lost
        Response first = new ApiClient(port(a)).withHeader("Idempotency-Key", key)
                .post("/api/v1/cases/" + caseId + "/packet", CLERK, new byte[0], null);
        Response retry = new ApiClient(port(b)).withHeader("Idempotency-Key", key)
                .post("/api/v1/cases/" + caseId + "/packet", CLERK, new byte[0], null);

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(retry.status()).as(retry.text()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(new ApiClient(port(b)).get("/api/v1/cases/" + caseId + "/documents", CLERK).json()).hasSize(1);
    }

    @Test
    void uploadsSentThroughAAndBAtOnceNeverTogetherTakeTheCasePastItsByteCap() {
        String caseId = new ApiClient(port(a)).post("/api/v1/cases", CLERK, Samples.text("01-complete-esketamine"))
                .json().get("id").asString();
        int uploads = 6;
        CyclicBarrier together = new CyclicBarrier(uploads);
        List<CompletableFuture<Response>> sent = new ArrayList<>();
        for (int i = 0; i < uploads; i++) {
            Multipart scan = Multipart.of("Scan " + i, "scan.pdf", TestPdfs.scan(120, i));
            ApiClient api = new ApiClient(port(i % 2 == 0 ? a : b));
            sent.add(CompletableFuture.supplyAsync(() -> {
                await(together, () -> { });
                return api.post("/api/v1/cases/" + caseId + "/attachments", CLERK, scan.body(), scan.contentType());
            }));
        }
        List<Response> answers = sent.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(Response::status).as(answers.toString()).containsOnly(201, 400)
                .filteredOn(status -> status == 201).hasSize(1);
        answers.stream().filter(r -> r.status() == 400).forEach(r ->
                assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("file"));
        Long stored = a.getBean(JdbcTemplate.class).queryForObject(
                "SELECT SUM(OCTET_LENGTH(content)) FROM attachments WHERE case_id = ?", Long.class, caseId);
        assertThat(stored).isLessThanOrEqualTo(MAX_CASE_BYTES);
    }

    @Test
    void aScheduledJobStartedOnBothInstancesAtOnceRunsOnOne() throws Exception {
        ExpiredSessionCleanup onA = a.getBean(ExpiredSessionCleanup.class);
        ExpiredSessionCleanup onB = b.getBean(ExpiredSessionCleanup.class);
        int before = onA.runs() + onB.runs();
        CyclicBarrier together = new CyclicBarrier(2);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> await(together, onA::run));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> await(together, onB::run));
        CompletableFuture.allOf(first, second).get();

        assertThat(onA.runs() + onB.runs() - before).isEqualTo(1);
        JdbcTemplate db = a.getBean(JdbcTemplate.class);
        assertThat(db.queryForObject("select count(*) from shedlock where name = 'expired-session-cleanup'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void anInstanceStartedOnADatabaseANewerReleaseMigratedStopsBeforeWritingAnything() {
        // an instance of this release restarted after a newer one has migrated the database (docs/deploy.md,
        // "Upgrading to a new release")
        String url = EmbeddedPostgresForTests.newDatabase("newer_release");
        DataSource db = ServiceMigrations.postgresAt(url);
        ServiceMigrations.flyway("postgresql").dataSource(db).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        NewerSchemaGuardTest.newerReleaseMigrated(jdbc, "9001", "Split payer names");

        assertThatThrownBy(() -> start(url)).hasStackTraceContaining("migrated by a newer release")
                .hasStackTraceContaining("V9001 (Split payer names)");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users", Integer.class))
                .as("no demo data, no account written").isZero();
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(AuthpackApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--authpack.attachments.max-case-bytes=" + MAX_CASE_BYTES,
                // the test starts the job itself, on both instances at once
                "--authpack.sessions.cleanup-cron=-");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static Response put(ApiClient api, String path, long version, String phone, CyclicBarrier together) {
        ObjectNode body = Samples.tree("01-complete-esketamine").put("version", version);
        ((ObjectNode) body.get("prescriber")).put("phone", phone);
        String json = Samples.json(body);
        await(together, () -> { });
        return api.put(path, CLERK, json);
    }

    private static void await(CyclicBarrier barrier, Runnable then) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        then.run();
    }

    /** The case as the web form posts it: one field per JSON path ({@code medicationTrials[1].endDate}). */
    private static List<String> formFields(JsonNode node, String path) {
        List<String> fields = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(e -> fields.addAll(formFields(e.getValue(), path.isEmpty() ? e.getKey()
                    : path + "." + e.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                fields.addAll(formFields(node.get(i), path + "[" + i + "]"));
            }
        } else {
            fields.addAll(List.of(path, node.asString()));
        }
        return fields;
    }

    private static void replace(List<String> fields, String name, String value) {
        fields.set(fields.indexOf(name) + 1, value);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

package dev.authpack.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.TestPdfs;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.FormClient;
import dev.authpack.support.Multipart;
import dev.authpack.support.OnSharedPostgres;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * A write and its audit row are committed in one transaction, so a crash leaves both or neither. Found
 * by killing the service under load (docs/deploy.md, "Durability"): a case update, or a FHIR import,
 * that was in flight at the kill was stored without its CASE_UPDATED / FHIR_IMPORTED row, because the
 * row was written in a transaction of its own after the write had committed; and an event's row was
 * committed before the event. Here the audit table is locked while a write runs: the write must not
 * become visible before its row can be written. And an event, or a copy as a new case, whose
 * transaction fails at its commit must leave no row saying it was made.
 */
@SharedServiceTest
@OnSharedPostgres
class WriteAndAuditRowCommitTogetherTest {

    static final String BILLING = "north.billing";

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient api;
    String caseId;

    @BeforeEach
    void aCase() {
        api = new ApiClient(port);
        caseId = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json().get("id").asString();
    }

    @Test
    void aCaseUpdateIsNotStoredBeforeItsAuditRow() throws Exception {
        ObjectNode body = Samples.tree("01-complete-esketamine").put("version", 0);
        Response r = whileAuditRowsWait(() -> api.put("/api/v1/cases/" + caseId, BILLING, Samples.json(body)),
                () -> jdbc.queryForObject("SELECT version FROM cases WHERE id = ?", Long.class, caseId), 0L);
        assertThat(r.status()).isEqualTo(200);
        assertThat(okRows("CASE_UPDATED")).isEqualTo(1);
    }

    @Test
    void aNewCaseIsNotStoredBeforeItsAuditRow() throws Exception {
        String name = "Atomic" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode body = Samples.tree("01-complete-esketamine");
        ((ObjectNode) body.get("patient")).put("lastName", name);
        Response r = whileAuditRowsWait(() -> api.post("/api/v1/cases", BILLING, Samples.json(body)),
                () -> jdbc.queryForObject("SELECT count(*) FROM cases WHERE patient_last_name = ?", Long.class, name), 0L);
        assertThat(r.status()).isEqualTo(201);
        caseId = r.json().get("id").asString();
        assertThat(okRows("CASE_CREATED")).isEqualTo(1);
    }

    @Test
    void aFhirImportIsNotStoredBeforeItsAuditRows() throws Exception {
        String name = "Atomic" + UUID.randomUUID().toString().substring(0, 8);
        String bundle = Files.readString(Path.of("src/test/resources/fhir/conformant_pas_bundle_v110.json"),
                StandardCharsets.UTF_8).replace("\"family\": \"SMITH\"", "\"family\": \"" + name + "\"");
        assertThat(bundle).contains(name);
        Response r = whileAuditRowsWait(() -> api.post("/api/v1/fhir/import", BILLING,
                        bundle.getBytes(StandardCharsets.UTF_8), "application/fhir+json"),
                () -> jdbc.queryForObject("SELECT count(*) FROM cases WHERE patient_last_name = ?", Long.class, name), 0L);
        assertThat(r.status()).isEqualTo(201);
        caseId = r.json().get("case").get("id").asString();
        assertThat(okRows("CASE_CREATED")).isEqualTo(1);
        assertThat(okRows("FHIR_IMPORTED")).isEqualTo(1);
    }

    @Test
    void aPacketAndAnEstimateAreNotStoredBeforeTheirAuditRows() throws Exception {
        Supplier<Long> documents = () -> jdbc.queryForObject("SELECT count(*) FROM documents WHERE case_id = ?",
                Long.class, caseId);
        assertThat(whileAuditRowsWait(() -> api.post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null),
                documents, 0L).status()).isEqualTo(201);
        assertThat(whileAuditRowsWait(() -> api.post("/api/v1/cases/" + caseId + "/estimate", BILLING, new byte[0], null),
                documents, 1L).status()).isEqualTo(201);
        assertThat(okRows("PACKET_GENERATED")).isEqualTo(1);
        assertThat(okRows("ESTIMATE_GENERATED")).isEqualTo(1);
    }

    @Test
    void anUploadIsNotStoredBeforeItsAuditRow() throws Exception {
        Multipart m = Multipart.of("Progress notes", "notes.pdf", TestPdfs.notes(1, "atomic"));
        Response r = whileAuditRowsWait(() -> api.post("/api/v1/cases/" + caseId + "/attachments", BILLING, m.body(),
                        m.contentType()),
                () -> jdbc.queryForObject("SELECT count(*) FROM attachments WHERE case_id = ?", Long.class, caseId), 0L);
        assertThat(r.status()).isEqualTo(201);
        assertThat(okRows("ATTACHMENT_UPLOADED")).isEqualTo(1);
    }

    @Test
    void aRemovedUploadIsNotRemovedBeforeItsAuditRow() throws Exception {
        Multipart m = Multipart.of("Progress notes", "notes.pdf", TestPdfs.notes(1, "atomic"));
        String attachment = api.post("/api/v1/cases/" + caseId + "/attachments", BILLING, m.body(), m.contentType())
                .json().get("id").asString();
        Response r = whileAuditRowsWait(() -> api.delete("/api/v1/cases/" + caseId + "/attachments/" + attachment, BILLING),
                () -> jdbc.queryForObject("SELECT count(*) FROM attachments WHERE id = ? AND removed_at IS NOT NULL",
                        Long.class, attachment), 0L);
        assertThat(r.status()).isBetween(200, 299);
        assertThat(okRows("ATTACHMENT_REMOVED")).isEqualTo(1);
    }

    @Test
    void aNewUserIsNotStoredBeforeItsAuditRow() throws Exception {
        FormClient admin = new FormClient(port).signIn("admin", ApiClient.PASSWORD);
        String token = FormClient.csrfOf(admin.get("/admin/users").body());
        String name = "atomic." + UUID.randomUUID().toString().substring(0, 8);
        var created = whileAuditRowsWait(() -> admin.postWithToken(token, "/admin/users", "username", name, "role",
                        "BILLING", "clinicId", "north", "password", "atomic-secret-" + UUID.randomUUID()),
                () -> jdbc.queryForObject("SELECT count(*) FROM users WHERE username = ?", Long.class, name), 0L);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_events WHERE target_user = ? AND action = 'USER_CREATED'"
                + " AND outcome = 'OK'", Long.class, name)).isEqualTo(1);
    }

    @Test
    void aNewClinicIsNotStoredBeforeItsAuditRow() throws Exception {
        String id = "atomic" + UUID.randomUUID().toString().substring(0, 8);
        Response r = whileAuditRowsWait(() -> api.post("/api/v1/admin/clinics", "admin",
                        "{\"id\":\"" + id + "\",\"name\":\"Atomic Clinic\"}"),
                () -> jdbc.queryForObject("SELECT count(*) FROM clinics WHERE id = ?", Long.class, id), 0L);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_events WHERE action = 'CLINIC_CREATED' AND outcome = 'OK'"
                + " AND detail = ?", Long.class, "clinic " + id)).isEqualTo(1);
    }

    @Test
    void aPolicyVersionIsNotStoredBeforeItsAuditRow() throws Exception {
        // a version of its own far ahead, so no case and no other test meets it
        String version = "atomic-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate from = LocalDate.of(2090, 1, 1).plusDays(new java.util.Random().nextInt(3000));
        String yaml = Files.readString(Path.of("templates/policies/ketamine-iv-strict.yaml"), StandardCharsets.UTF_8)
                .replaceFirst("(?m)^version: .*$", "version: \"" + version + "\"\neffectiveFrom: " + from);
        Response r = whileAuditRowsWait(() -> api.post("/api/v1/policies", "admin", yaml.getBytes(StandardCharsets.UTF_8),
                        "application/yaml"),
                () -> jdbc.queryForObject("SELECT count(*) FROM policy_uploads WHERE version = ?", Long.class, version), 0L);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_events WHERE action = 'POLICY_UPLOADED' AND outcome = 'OK'"
                + " AND detail LIKE ?", Long.class, "%" + version + "%")).isEqualTo(1);
    }

    @Test
    void aClinicProfileChangeWhoseCommitFailsLeavesNoRowSayingItWasMade() {
        FormClient clerk = new FormClient(port).signIn("south.billing", ApiClient.PASSWORD);
        clerk.get("/clinic/profile");
        assertThat(clerk.post("/clinic/profile", "facilityName", "").statusCode()).isEqualTo(302); // its row exists
        String name = "Atomic " + UUID.randomUUID().toString().substring(0, 8);
        Supplier<Long> rows = () -> jdbc.queryForObject("SELECT count(*) FROM audit_events"
                + " WHERE action = 'CLINIC_PROFILE_CHANGED' AND outcome = 'OK' AND clinic_id = 'south'", Long.class);
        long before = rows.get();

        failingAtCommit("clinic_profiles", "UPDATE", "NEW.facility_name = '" + name + "'",
                () -> clerk.post("/clinic/profile", "facilityName", name));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM clinic_profiles WHERE facility_name = ?", Long.class, name))
                .isZero();
        assertThat(rows.get()).as("CLINIC_PROFILE_CHANGED rows with outcome OK").isEqualTo(before);
    }

    @Test
    void aCopyAsNewCaseWhoseCommitFailsLeavesNoRowSayingItWasMade() {
        String name = "Atomic" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode body = Samples.tree("01-complete-esketamine");
        ((ObjectNode) body.get("patient")).put("lastName", name);
        caseId = api.post("/api/v1/cases", BILLING, Samples.json(body)).json().get("id").asString();
        FormClient clerk = new FormClient(port).signIn(BILLING, ApiClient.PASSWORD);
        clerk.get("/cases/" + caseId); // the page, and the form's token

        failingAtCommit("cases", "NEW.patient_last_name = '" + name + "'", () -> clerk.post("/cases/" + caseId + "/copy"));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM cases WHERE patient_last_name = ?", Long.class, name))
                .isEqualTo(1);
        assertThat(okRows("CASE_COPIED")).as("CASE_COPIED rows with outcome OK").isZero();
    }

    @Test
    void anEventWhoseCommitFailsLeavesNoRowSayingItWasRecorded() {
        assertThat(api.post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null).status()).isEqualTo(201);

        failingAtCommit("authorization_events", "NEW.case_id = '" + UUID.fromString(caseId) + "'", () -> {
            Response r = api.post("/api/v1/cases/" + caseId + "/events", BILLING, "{\"type\": \"SUBMITTED\", \"date\": \""
                    + LocalDate.now(ZoneOffset.UTC) + "\", \"channel\": \"FAX\"}");
            assertThat(r.status()).as(r.text()).isNotEqualTo(201);
        });

        assertThat(jdbc.queryForObject("SELECT count(*) FROM authorization_events WHERE case_id = ?", Long.class,
                caseId)).isZero();
        assertThat(okRows("AUTH_SUBMITTED")).as("AUTH_SUBMITTED rows with outcome OK").isZero();
    }

    /**
     * A list read's row and the set of cases it showed, when the set is new (audit_case_sets, V131), are one
     * transaction: when the cases cannot be kept, neither is the row, and the other way round; and the list is not
     * answered, as a patient seen with no row saying so is what the trail must never hold.
     */
    @Test
    void aListReadWhoseShownCasesFailAtCommitLeavesNoRowAndAnswersNoList() {
        Supplier<Long> rows = () -> jdbc.queryForObject("SELECT count(*) FROM audit_events WHERE action = 'CASES_LISTED'"
                + " AND username = 'north.clinic'", Long.class);
        long before = rows.get();

        failingAtCommit("audit_case_chunk_members", "NEW.case_id = '" + caseId + "'", () -> {
            Response r = api.get("/api/v1/cases", "north.clinic");
            assertThat(r.status()).as("the list, although its audit row failed").isEqualTo(500);
            assertThat(r.text()).doesNotContain(caseId);
        });

        assertThat(rows.get()).as("CASES_LISTED rows of north.clinic").isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_case_chunk_members WHERE case_id = ?", Long.class, caseId))
                .isZero();
        // and the other way round: the row failing at its commit takes the set it first stored with it
        failingAtCommit("audit_events", "NEW.action = 'CASES_LISTED' AND NEW.username = 'north.clinic'",
                () -> assertThat(api.get("/api/v1/cases", "north.clinic").status()).isEqualTo(500));
        assertThat(rows.get()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_case_chunk_members WHERE case_id = ?", Long.class, caseId))
                .isZero();

        assertThat(api.get("/api/v1/cases", "north.clinic").status()).isEqualTo(200);
        assertThat(rows.get()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_case_chunk_members WHERE case_id = ?", Long.class, caseId))
                .isEqualTo(1);
    }

    /**
     * Runs {@code write} while a deferred constraint fails, at their commit, the transactions that insert
     * into {@code table} a row meeting {@code condition}: the write ends as a crash at that moment ends it.
     */
    private void failingAtCommit(String table, String condition, Runnable write) {
        failingAtCommit(table, "INSERT", condition, write);
    }

    /** As above, for the rows that {@code operation} (INSERT, UPDATE) writes. */
    private void failingAtCommit(String table, String operation, String condition, Runnable write) {
        jdbc.execute("CREATE OR REPLACE FUNCTION test_refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'refused at commit (test)'; END $$");
        String trigger = "test_refuse_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.execute("CREATE CONSTRAINT TRIGGER " + trigger + " AFTER " + operation + " ON " + table
                + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (" + condition + ") EXECUTE FUNCTION test_refuse_at_commit()");
        try {
            write.run();
        } finally {
            jdbc.execute("DROP TRIGGER " + trigger + " ON " + table);
        }
    }

    /**
     * Sends {@code write} while the audit table takes no rows, waits until the service waits to write
     * one, checks that the write is not visible yet ({@code visible} still {@code before}), lets the
     * row in, and returns the answer.
     */
    private <R, T> R whileAuditRowsWait(Supplier<R> write, Supplier<T> visible, T before) throws Exception {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            CompletableFuture<R> answer;
            try (Statement s = lock.createStatement()) {
                s.execute("LOCK TABLE audit_events IN EXCLUSIVE MODE");
                answer = CompletableFuture.supplyAsync(write);
                awaitAnAuditRowWaiting(answer);
                assertThat(visible.get()).as("the write, while its audit row waits").isEqualTo(before);
            } finally {
                lock.commit();
            }
            return answer.get(60, TimeUnit.SECONDS);
        }
    }

    private void awaitAnAuditRowWaiting(CompletableFuture<?> answer) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            Long waiting = jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE relation = 'audit_events'::regclass"
                    + " AND NOT granted", Long.class);
            if (waiting != null && waiting > 0) {
                return;
            }
            assertThat(answer).as("answered without writing an audit row").isNotDone();
            Thread.sleep(20);
        }
        throw new AssertionError("no audit row waited for the lock within 30 s");
    }

    private long okRows(String action) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_events WHERE case_id = ? AND action = ? AND outcome = 'OK'",
                Long.class, caseId, action);
    }
}

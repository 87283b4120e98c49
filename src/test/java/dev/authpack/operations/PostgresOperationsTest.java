package dev.authpack.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.EmbeddedPostgresForTests;
import dev.authpack.support.ServiceMigrations;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production-like PostgreSQL operation, as docs/deploy.md describes it: a superuser runs
 * docs/deploy/create-database.sql once (the two roles, the database owned by the owner, the passwords);
 * everything after that runs as {@code authpack_owner}, a plain login role (no superuser, no CREATEROLE):
 * Flyway migrates as it and it runs docs/deploy/grants.sql; the application works as the
 * least-privileged {@code authpack_app}, which cannot change or delete an audit row or an uploaded
 * policy, and can use a table a later migration adds. Also the health groups a load balancer reads
 * (readiness fails while the database cannot be reached, liveness does not).
 */
@SharedServiceTest
class PostgresOperationsTest {

    /** The names create-database.sql uses. */
    private static final String DATABASE = "authpack";
    private static final String OWNER = "authpack_owner";
    private static final String APP = "authpack_app";
    private static final String OWNER_PASSWORD = "owner-secret-for-tests";
    private static final String APP_PASSWORD = "app-secret-for-tests";
    private static String url;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void leastPrivilegedApplication(DynamicPropertyRegistry registry) throws Exception {
        url = EmbeddedPostgresForTests.serverUrl().replaceFirst("/postgres$", "/" + DATABASE);
        // one-time steps, as the superuser (the roles are the server's: gone only with it)
        onServer("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        onServer("DROP DATABASE IF EXISTS grants_by_superuser WITH (FORCE)");
        onServer("DROP ROLE IF EXISTS " + APP);
        onServer("DROP ROLE IF EXISTS " + OWNER);
        for (String statement : statements(Files.readString(Path.of("docs/deploy/create-database.sql")))) {
            onServer(statement);
        }
        onServer("ALTER ROLE " + OWNER + " PASSWORD '" + OWNER_PASSWORD + "'"); // what psql's \password sends
        onServer("ALTER ROLE " + APP + " PASSWORD '" + APP_PASSWORD + "'");
        onServer("ALTER DATABASE " + DATABASE + " SET synchronous_commit = on");

        // the owner's repeatable steps, as a plain login role
        ServiceMigrations.flyway("postgresql").dataSource(url, OWNER, OWNER_PASSWORD).load().migrate();
        asOwner(url, Files.readString(Path.of("docs/deploy/grants.sql")));
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> APP);
        registry.add("spring.datasource.password", () -> APP_PASSWORD);
        registry.add("spring.flyway.user", () -> OWNER);
        registry.add("spring.flyway.password", () -> OWNER_PASSWORD);
        registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
    }

    @Test
    void theOwnerIsAPlainLoginRoleThatOwnsTheDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, OWNER, OWNER_PASSWORD); Statement s = c.createStatement()) {
            var rows = s.executeQuery("select rolsuper, rolcreaterole, rolcreatedb from pg_roles where rolname = current_user");
            rows.next();
            assertThat(List.of(rows.getBoolean(1), rows.getBoolean(2), rows.getBoolean(3)))
                    .as("superuser, createrole, createdb").containsOnly(false);
            rows = s.executeQuery("select pg_get_userbyid(datdba) from pg_database where datname = current_database()");
            rows.next();
            assertThat(rows.getString(1)).isEqualTo(OWNER);
        }
    }

    @Test
    void aTableALaterMigrationAddsIsUsableByTheApplication() throws SQLException {
        asOwner(url, "create table later_migration_table (id int)");
        useAsApplication(url, "later_migration_table");
    }

    @Test
    void grantsRunByASuperuserStillCoverTablesTheOwnerCreatesLater() throws Exception {
        onServer("CREATE DATABASE grants_by_superuser OWNER " + OWNER);
        String other = url.replaceFirst("/" + DATABASE + "$", "/grants_by_superuser");
        ServiceMigrations.flyway("postgresql").dataSource(other, OWNER, OWNER_PASSWORD).load().migrate();
        try (Connection c = DriverManager.getConnection(other, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(Files.readString(Path.of("docs/deploy/grants.sql"), StandardCharsets.UTF_8));
        }
        asOwner(other, "create table later_migration_table (id int)");
        useAsApplication(other, "later_migration_table");
    }

    @Test
    void theApplicationWorksAsTheLeastPrivilegedUserWhichCannotChangeTheAuditTrail() throws SQLException {
        ApiClient api = new ApiClient(port);
        Response created = api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post("/api/v1/cases/" + id + "/packet", "north.billing", new byte[0], null).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/cases/" + id, "north.billing").status()).isEqualTo(200);

        try (Connection app = DriverManager.getConnection(url, APP, APP_PASSWORD);
             Statement s = app.createStatement()) {
            var rows = s.executeQuery("select count(*) from audit_events where case_id = '" + id + "'");
            rows.next();
            assertThat(rows.getInt(1)).as("the application wrote and may read the audit rows").isGreaterThanOrEqualTo(3);
            assertThatThrownBy(() -> s.executeUpdate("update audit_events set outcome = 'CHANGED'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_events"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("truncate audit_events")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("drop table audit_events")).hasMessageContaining("must be owner");

            // so are the cases each list read showed (V131), which the list's audit row names
            assertThat(api.get("/api/v1/cases", "north.billing").status()).isEqualTo(200);
            var shown = s.executeQuery("select count(*) from audit_case_chunk_members where case_id = '" + id + "'");
            shown.next();
            assertThat(shown.getInt(1)).as("the application wrote and may read the cases a list showed").isPositive();
            Map<String, String> aColumn = Map.of("audit_case_sets", "size", "audit_case_chunks", "size",
                    "audit_case_set_chunks", "set_id", "audit_case_chunk_members", "chunk_id");
            for (String table : aColumn.keySet()) {
                assertThatThrownBy(() -> s.executeUpdate("update " + table + " set " + aColumn.get(table) + " = 0"))
                        .as(table).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.executeUpdate("delete from " + table)).as(table)
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.executeUpdate("truncate " + table)).as(table)
                        .hasMessageContaining("permission denied");
            }

            // uploaded policy versions are append-only as well (docs/policies.md)
            s.executeQuery("select count(*) from policy_uploads").close();
            var insert = s.executeQuery("select has_table_privilege('policy_uploads', 'INSERT')");
            insert.next();
            assertThat(insert.getBoolean(1)).as("the application may add an uploaded policy").isTrue();
            assertThatThrownBy(() -> s.executeUpdate("update policy_uploads set version = 'changed'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("delete from policy_uploads"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("truncate policy_uploads")).hasMessageContaining("permission denied");
        }
    }

    @Test
    void anOnlineBackupOnPostgresqlIsRefusedWithATitleThatSaysWhy() {
        Response refused = new ApiClient(port).post("/api/v1/admin/backups", "admin", new byte[0], null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("title").asString()).isEqualTo("No online backup of this database");
        assertThat(refused.json().get("detail").asString()).contains("pg_dump");
    }

    @Test
    void readinessFailsWhileTheDatabaseCannotBeReachedAndLivenessDoesNot() throws Exception {
        ApiClient api = new ApiClient(port);
        // ready once the packet warm-up has finished, a moment after start
        assertThat(readinessWithin(api, 60)).isEqualTo(200);
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        try {
            onServer("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS false");
            onServer("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'");

            Response readiness = api.get("/actuator/health/readiness", null);
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.text()).doesNotContain("Exception");
            assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        } finally {
            onServer("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS true");
        }
        // the pool opens a new connection on its own schedule: ready again within seconds, not at once
        assertThat(readinessWithin(api, 15)).as("readiness after the database reopened").isEqualTo(200);
    }

    /** The readiness status, asked every 100 ms until it is 200 or the seconds have passed. */
    private static int readinessWithin(ApiClient api, int seconds) throws InterruptedException {
        int status = 0;
        for (int i = 0; i < seconds * 10 && status != 200; i++) {
            status = api.get("/actuator/health/readiness", null).status();
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        return status;
    }

    /** The application role reads, writes and deletes rows of that table. */
    private static void useAsApplication(String database, String table) throws SQLException {
        try (Connection app = DriverManager.getConnection(database, APP, APP_PASSWORD); Statement s = app.createStatement()) {
            assertThat(s.executeUpdate("insert into " + table + " values (1)")).isEqualTo(1);
            assertThat(s.executeUpdate("update " + table + " set id = 2")).isEqualTo(1);
            var rows = s.executeQuery("select id from " + table);
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(2);
            assertThat(s.executeUpdate("delete from " + table)).isEqualTo(1);
        }
    }

    /** Statements in a database, as the owner of its schema (a plain login role). */
    private static void asOwner(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database, OWNER, OWNER_PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A statement about the server or a database, as the superuser, from the maintenance database. */
    private static void onServer(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(EmbeddedPostgresForTests.serverUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * The statements of a plain SQL file one by one, as psql sends them: CREATE DATABASE refuses to run
     * in the implicit transaction of several statements sent at once.
     */
    private static List<String> statements(String file) {
        String code = file.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n"));
        return Arrays.stream(code.split(";")).map(String::strip).filter(st -> !st.isEmpty()).toList();
    }
}

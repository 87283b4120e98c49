package dev.authpack.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.EmbeddedPostgresForTests;
import dev.authpack.support.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production-like PostgreSQL operation: the schema migrated by its owner, docs/deploy/grants.sql run,
 * the application working as the least-privileged {@code authpack_app}, which cannot change or delete
 * an audit row; and the health groups a load balancer reads (readiness fails while the database
 * cannot be reached, liveness does not).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgresOperationsTest {

    private static final String DATABASE = "operations";
    private static String url;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void leastPrivilegedApplication(DynamicPropertyRegistry registry) throws Exception {
        url = EmbeddedPostgresForTests.newDatabase(DATABASE);
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load().migrate();
        asOwner(Files.readString(Path.of("docs/deploy/grants.sql")));
        asOwner("ALTER ROLE authpack_app PASSWORD 'app-secret-for-tests'");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "authpack_app");
        registry.add("spring.datasource.password", () -> "app-secret-for-tests");
        registry.add("spring.flyway.user", () -> "postgres");
        registry.add("spring.flyway.password", () -> "");
        registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
    }

    @Test
    void theApplicationWorksAsTheLeastPrivilegedUserWhichCannotChangeTheAuditTrail() throws SQLException {
        ApiClient api = new ApiClient(port);
        Response created = api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post("/api/v1/cases/" + id + "/packet", "north.billing", new byte[0], null).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/cases/" + id, "north.billing").status()).isEqualTo(200);

        try (Connection app = DriverManager.getConnection(url, "authpack_app", "app-secret-for-tests");
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
        }
    }

    @Test
    void readinessFailsWhileTheDatabaseCannotBeReachedAndLivenessDoesNot() throws Exception {
        ApiClient api = new ApiClient(port);
        // ready once the packet warm-up has finished, a moment after start
        int ready = 0;
        for (int i = 0; i < 600 && ready != 200; i++) {
            ready = api.get("/actuator/health/readiness", null).status();
            if (ready != 200) {
                Thread.sleep(100);
            }
        }
        assertThat(ready).isEqualTo(200);
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
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }

    /** A statement in the application's database, as the owner of its schema. */
    private static void asOwner(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A statement about the database itself, from the server's maintenance database. */
    private static void onServer(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(EmbeddedPostgresForTests.serverUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

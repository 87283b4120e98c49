package dev.authpack.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.OnSharedPostgres;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case's row held by a transaction that does not end (an instance stalled in the middle of a change):
 * on PostgreSQL every other request for that case waited with it, for ever. Now it gives up after the
 * lock timeout and is answered "Busy", nothing stored, and the same request goes through once the row
 * is free.
 */
@SharedServiceTest
@OnSharedPostgres
class PostgresLockTimeoutTest {

    static final String BILLING = "north.billing";

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anEventForACaseHeldByAStalledTransactionIsAnsweredBusyInsteadOfWaitingForEver() throws Exception {
        ApiClient api = new ApiClient(port);
        String caseId = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json().get("id").asString();
        assertThat(api.post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null).status()).isEqualTo(201);
        String submitted = "{\"type\": \"SUBMITTED\", \"date\": \"" + LocalDate.now(ZoneOffset.UTC) + "\", \"channel\": \"FAX\"}";

        Response answer;
        long took;
        try (Connection stalled = dataSource.getConnection()) {
            stalled.setAutoCommit(false);
            try (PreparedStatement hold = stalled.prepareStatement("SELECT id FROM cases WHERE id = ? FOR UPDATE")) {
                hold.setObject(1, caseId);
                hold.executeQuery().close();
            }
            long start = System.nanoTime();
            answer = CompletableFuture.supplyAsync(() -> api.post("/api/v1/cases/" + caseId + "/events", BILLING,
                    submitted)).get(60, TimeUnit.SECONDS);
            took = System.nanoTime() - start;
            stalled.rollback();
        }

        assertThat(answer.status()).as(answer.text()).isEqualTo(503);
        assertThat(answer.json().get("title").asString()).isEqualTo("Busy");
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(Duration.ofNanos(took)).as("gave up after the lock timeout").isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM authorization_events WHERE case_id = ?", Long.class,
                caseId)).as("nothing stored").isZero();
        assertThat(api.post("/api/v1/cases/" + caseId + "/events", BILLING, submitted).status())
                .as("the same request once the row is free").isEqualTo(201);
    }

    @Test
    void theTimeoutIsWhatTheSettingSaysAndANegativeOneIsRefused() {
        assertThat(jdbc.queryForObject("SHOW lock_timeout", String.class)).isEqualTo("5s");
        assertThat(PostgresConnectionBounds.lockStatement(Duration.ofMillis(2500))).isEqualTo("SET lock_timeout = 2500");
        assertThatThrownBy(() -> PostgresConnectionBounds.lockStatement(Duration.ofSeconds(-1)))
                .hasMessageContaining(PostgresConnectionBounds.LOCK_TIMEOUT);
    }
}

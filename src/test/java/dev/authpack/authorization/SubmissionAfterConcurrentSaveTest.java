package dev.authpack.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.OnSharedPostgres;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
 * An event waits for a save of its case that another instance has not committed yet, and is then judged
 * on the case as that save left it. Found while writing the sequential model of the linearizability
 * check (tools/linearizability: SUBMITTED answers PACKET_OUTDATED iff the latest packet was made from a
 * version older than the current one): a SUBMITTED event read the case before taking the case's lock,
 * so when a PUT committed while the event waited for the lock, the event compared the packet with the
 * version before the PUT and left out PACKET_OUTDATED, although the packet the payer got no longer said
 * what the case said. Here the other instance's save is an uncommitted UPDATE holding the case's row.
 */
@SharedServiceTest
@OnSharedPostgres
class SubmissionAfterConcurrentSaveTest {

    static final String BILLING = "north.billing";

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSubmissionThatWaitedForAnotherSaveOfItsCaseWarnsThatThePacketIsOutdated() throws Exception {
        ApiClient api = new ApiClient(port);
        String caseId = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json().get("id").asString();
        assertThat(api.post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null).json().get("caseVersion")
                .asLong()).isZero();

        Response submitted;
        try (Connection otherInstance = dataSource.getConnection()) {
            // another instance's save of the case, written and not yet committed: it holds the case's row
            otherInstance.setAutoCommit(false);
            try (PreparedStatement save = otherInstance.prepareStatement(
                    "UPDATE cases SET version = version + 1 WHERE id = ?")) {
                save.setObject(1, caseId);
                assertThat(save.executeUpdate()).isOne();
            }
            CompletableFuture<Response> answer = CompletableFuture.supplyAsync(() -> api.post(
                    "/api/v1/cases/" + caseId + "/events", BILLING, "{\"type\": \"SUBMITTED\", \"date\": \""
                            + LocalDate.now(ZoneOffset.UTC) + "\", \"channel\": \"FAX\"}"));
            awaitARowLockWaiting(answer);
            otherInstance.commit();
            submitted = answer.get(60, TimeUnit.SECONDS);
        }

        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT version FROM cases WHERE id = ?", Long.class, caseId))
                .isEqualTo(1L);
        assertThat(submitted.json().get("warnings").toString()).as("packet of version 0, case at version 1")
                .contains("PACKET_OUTDATED");
    }

    private void awaitARowLockWaiting(CompletableFuture<?> answer) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            Long waiting = jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND query LIKE '%FOR UPDATE%'", Long.class);
            if (waiting != null && waiting > 0) {
                return;
            }
            assertThat(answer).as("answered without waiting for the case's lock").isNotDone();
            Thread.sleep(20);
        }
        throw new AssertionError("the event did not wait for the case's lock within 30 s");
    }
}

package dev.authpack.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.AuthpackApplication;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.EmbeddedPostgresForTests;
import dev.authpack.support.FaultyLink;
import dev.authpack.support.Samples;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The network between the service and PostgreSQL going wrong, through a real TCP proxy ({@link FaultyLink}) in
 * front of the embedded PostgreSQL: the database falling silent in the middle of a commit, and a commit whose
 * answer is lost. A request is answered 503 within the socket timeout instead of hanging for ever, the service
 * carries on once the link heals, and a write that may have been stored is never done again by a retry.
 */
class DatabaseLinkFaultsTest {

    private static final String DATABASE = "database_link_faults";
    private static final String CLERK = "north.billing";
    private static String url;
    private static FaultyLink link;
    private static ConfigurableApplicationContext service;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        url = EmbeddedPostgresForTests.newDatabase(DATABASE);
        URI direct = URI.create(url.substring("jdbc:".length()));
        link = new FaultyLink(direct.getPort());
        service = new SpringApplicationBuilder(AuthpackApplication.class).run(
                "--server.port=0",
                // the SQL text on every execution (not a prepared statement's name), for the link to find COMMIT
                "--spring.datasource.url=jdbc:postgresql://localhost:" + link.port() + "/" + DATABASE
                        + "?prepareThreshold=0",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--spring.datasource.hikari.connection-timeout=2000",
                "--authpack.database.socket-timeout=2s",
                "--authpack.database.lock-timeout=1s", // below the socket timeout, as start-up insists
                "--authpack.database.idle-in-transaction-timeout=3s",
                "--authpack.sessions.cleanup-cron=-");
        api = new ApiClient(((WebServerApplicationContext) service).getWebServer().getPort());
    }

    @AfterEach
    void heal() {
        link.heal();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (link != null) {
            link.close();
        }
    }

    @Test
    void aRequestWhoseDatabaseFallsSilentIsAnswered503WithinTheSocketTimeoutAndTheServiceCarriesOnAfterwards()
            throws Exception {
        String caseId = api.post("/api/v1/cases", CLERK, Samples.text("01-complete-esketamine")).json().get("id")
                .asString();

        link.fallSilentAtTheCommitOf("insert into cases");
        long start = System.nanoTime();
        Response silent = within(Duration.ofSeconds(60),
                () -> api.post("/api/v1/cases", CLERK, Samples.text("02-one-failed-trial")));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Response readiness = within(Duration.ofSeconds(60), () -> api.get("/actuator/health/readiness", null));

        assertThat(silent.status()).as(silent.text()).isEqualTo(503);
        assertThat(silent.contentType()).startsWith("application/problem+json");
        assertThat(silent.header("Retry-After")).isEqualTo("30");
        assertThat(silent.json().get("title").asString()).isEqualTo("Database unavailable");
        assertThat(took).as("answered after the 2 s socket timeout, not when the link heals")
                .isLessThan(Duration.ofSeconds(20));
        assertThat(readiness.status()).as("readiness reports the outage").isEqualTo(503);

        link.heal();
        int status = 0;
        for (int attempt = 0; attempt < 60 && status != 200; attempt++) {
            status = api.get("/api/v1/cases/" + caseId, CLERK).status();
            if (status != 200) {
                assertThat(status).as("while the pool replaces its connections").isEqualTo(503);
                Thread.sleep(250);
            }
        }
        assertThat(status).as("the service recovers without a restart").isEqualTo(200);
        assertThat(api.post("/api/v1/cases", CLERK, Samples.text("02-one-failed-trial")).status()).isEqualTo(201);
    }

    @Test
    void aCreateWhoseCommitAnswerWasLostIsNotDoneAgainWhenItIsSentAgainWithItsKey() throws Exception {
        String memberId = "LOST" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String body = Samples.text("01-complete-esketamine").replace("XJH123456789", memberId);
        ApiClient keyed = api.withHeader("Idempotency-Key", UUID.randomUUID().toString());

        link.loseTheAnswerToTheCommitOf("insert into cases");
        Response first = within(Duration.ofSeconds(60), () -> keyed.post("/api/v1/cases", CLERK, body));
        link.heal();

        assertThat(first.status()).as(first.text()).isEqualTo(503);
        assertThat(casesOf(memberId)).as("the database did commit the case the service could not confirm").isEqualTo(1);

        Response again = keyed.post("/api/v1/cases", CLERK, body);

        assertThat(casesOf(memberId)).as("the retry did not store it a second time").isEqualTo(1);
        assertThat(again.status()).as(again.text()).isEqualTo(409);
        assertThat(again.json().get("title").asString()).isEqualTo("Request interrupted");
        assertThat(again.json().get("detail").asString()).contains("lost its database connection",
                "may or may not have been done", "new key");
        assertThat(again.header("Retry-After")).isNull();
    }

    @Test
    void aKeyWhoseClaimWasCutOffIsFreeForTheRetryWhichThenDoesTheWriteOnce() throws Exception {
        String memberId = "CLAIM" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String body = Samples.text("01-complete-esketamine").replace("XJH123456789", memberId);
        ApiClient keyed = api.withHeader("Idempotency-Key", UUID.randomUUID().toString());

        // the key's claim is stored, its answer lost: the write itself never started
        link.loseTheAnswerToTheCommitOf("insert into idempotent_requests");
        Response first = within(Duration.ofSeconds(60), () -> keyed.post("/api/v1/cases", CLERK, body));
        link.heal();
        Response again = keyed.post("/api/v1/cases", CLERK, body);

        assertThat(first.status()).as(first.text()).isEqualTo(503);
        assertThat(again.status()).as("not \"in progress\" for 15 minutes: " + again.text()).isEqualTo(201);
        assertThat(casesOf(memberId)).isEqualTo(1);
    }

    @Test
    void aCaseLockedByATransactionAPartitionCutOffIsFreedOnceTheDatabaseEndsThatTransaction() throws Exception {
        String caseId = api.post("/api/v1/cases", CLERK, Samples.text("01-complete-esketamine")).json().get("id")
                .asString();
        String update = Samples.text("01-complete-esketamine").replaceFirst("\\{",
                "{\"id\": \"" + caseId + "\", \"version\": 0,");

        // the update's COMMIT never arrives; the database keeps the case's row locked for a client that is gone
        link.cutOffAtTheCommitOf("update cases");
        Response cutOff = within(Duration.ofSeconds(60), () -> api.put("/api/v1/cases/" + caseId, CLERK, update));
        assertThat(cutOff.status()).as(cutOff.text()).isEqualTo(503);

        long start = System.nanoTime();
        Response again = api.put("/api/v1/cases/" + caseId, CLERK, update);
        while (again.status() == 503 && Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30) {
            Thread.sleep(500);
            again = api.put("/api/v1/cases/" + caseId, CLERK, update);
        }
        assertThat(again.status()).as("the row is free again: " + again.text()).isEqualTo(200);
    }

    /** Fails instead of hanging with the request. */
    private static Response within(Duration bound, Supplier<Response> request) throws Exception {
        return CompletableFuture.supplyAsync(request).get(bound.toSeconds(), TimeUnit.SECONDS);
    }

    private static int casesOf(String memberId) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM cases WHERE member_id = ?")) {
            s.setString(1, memberId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}

package dev.authpack.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.AuthpackApplication;
import dev.authpack.completeness.HostClock;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.EmbeddedPostgresForTests;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances on one PostgreSQL database, B on a host whose clock runs a day ahead (a VM resumed
 * after a day's pause, a container on a host with a bad clock). Both compare times the other stored;
 * measured with faketime before the fix: a write retried on B with its Idempotency-Key ran again (a
 * second case), an account locked through A signed in through B at once, B's cases were a day newer
 * than A's later ones. The service's clock is the database's, so B behaves as A does.
 */
class ClockSkewTwoInstancesTest {

    private static final String CLERK = "north.billing";
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoInstances() {
        String url = EmbeddedPostgresForTests.newDatabase("clock_skew");
        a = start(url, Duration.ZERO);
        b = start(url, Duration.ofDays(1));
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
    void aWriteRetriedOnAnInstanceADayAheadGetsTheFirstAnswerInsteadOfRunningAgain() {
        String key = UUID.randomUUID().toString();
        Response first = new ApiClient(port(a)).withHeader("Idempotency-Key", key)
                .post("/api/v1/cases", CLERK, Samples.text("01-complete-esketamine"));
        Response retry = new ApiClient(port(b)).withHeader("Idempotency-Key", key)
                .post("/api/v1/cases", CLERK, Samples.text("01-complete-esketamine"));

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(retry.status()).as(retry.text()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).as("B kept A's answer, not past its 24 h").isEqualTo("true");
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
    }

    @Test
    void anAccountLockedThroughOneInstanceStaysLockedOnAnInstanceADayAhead() {
        String user = "north.clinic";
        for (int i = 0; i < 5; i++) {
            assertThat(new ApiClient(port(a)).get("/api/v1/cases", user, "wrong-password-" + i).status()).isEqualTo(401);
        }
        assertThat(new ApiClient(port(b)).get("/api/v1/cases", user, ApiClient.PASSWORD).status())
                .as("the 15-minute lock A set has not ended on B").isEqualTo(401);
    }

    @Test
    void anInstanceADayAheadStampsItsWritesWithTheDatabasesTime() {
        Instant before = Instant.now();
        Response onB = new ApiClient(port(b)).post("/api/v1/cases", CLERK, Samples.text("01-complete-esketamine"));

        Instant stamped = Instant.parse(onB.json().get("updatedAt").asString());
        assertThat(Duration.between(before, stamped).abs()).as("updatedAt " + stamped).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void theSessionCleanUpOnAnInstanceADayAheadLeavesLiveSessionsAlone() throws Exception {
        FormClient onA = new FormClient(port(a)).signIn(CLERK, ApiClient.PASSWORD);
        runSessionCleanUpOnB();

        assertThat(onA.get("/cases").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void theSessionCleanUpOnAnInstanceADayAheadDeletesASessionPastItsExpiry() throws Exception {
        FormClient onA = new FormClient(port(a)).signIn(CLERK, ApiClient.PASSWORD);
        JdbcTemplate jdbc = new JdbcTemplate(a.getBean(DataSource.class));
        String session = new String(Base64.getDecoder().decode(onA.sessionId()), StandardCharsets.US_ASCII);
        // as if the clerk had left the page 16 minutes ago
        assertThat(jdbc.update("update spring_session set expiry_time = expiry_time - ? where session_id = ?",
                Duration.ofMinutes(16).toMillis(), session)).isEqualTo(1);
        runSessionCleanUpOnB();

        assertThat(jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Integer.class,
                session)).isZero();
    }

    /** Runs B's clean-up now, even within the 30 s another run holds its lock for (lockAtLeastFor). */
    private static void runSessionCleanUpOnB() {
        ExpiredSessionCleanup cleanUp = b.getBean(ExpiredSessionCleanup.class);
        int before = cleanUp.runs();
        new JdbcTemplate(b.getBean(DataSource.class)).update("update shedlock set lock_until = ? where name = ?",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(1))), "expired-session-cleanup");
        cleanUp.run();
        assertThat(cleanUp.runs()).as("ran, not skipped for a lock").isEqualTo(before + 1);
    }

    private static ConfigurableApplicationContext start(String url, Duration hostClockAhead) {
        return new SpringApplicationBuilder(AuthpackApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("hostClock",
                        new HostClock(Clock.offset(Clock.systemDefaultZone(), hostClockAhead))))
                .run("--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--spring.datasource.hikari.maximum-pool-size=5",
                        // the test runs the clean-up itself
                        "--authpack.sessions.cleanup-cron=-");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}

package dev.authpack.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.AuthpackApplication;
import dev.authpack.completeness.HostClock;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.EmbeddedPostgresForTests;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

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
        b.getBean(ExpiredSessionCleanup.class).run();

        assertThat(onA.get("/cases").statusCode()).as("still signed in").isEqualTo(200);
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

package dev.authpack.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.generation.GenerationPool;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Samples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A saturated generation pool over real HTTP: one generation thread, no queue, held by a latch, so a
 * packet or an estimate asked for meanwhile is answered 503 problem+json with Retry-After after the
 * bounded wait, stores nothing, and a short request is still answered at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "authpack.generation.threads=1", "authpack.generation.burst-threads=0", "authpack.generation.queue=0", "authpack.generation.max-wait=300ms",
    "authpack.generation.retry-after=3s", "authpack.generation.warm-up-packets=1",
    "spring.datasource.url=jdbc:h2:mem:generation-busy;DB_CLOSE_DELAY=-1"})
class GenerationBusyTest {

    @LocalServerPort
    int port;
    @Autowired
    GenerationPool pool;
    @Autowired
    PacketWarmUp warmUp;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void packetsAndEstimatesBeyondTheQueueGet503WithRetryAfterAndStoreNothing() throws Exception {
        warmUp.done().get(60, TimeUnit.SECONDS);
        ApiClient api = new ApiClient(port);
        Response created = api.post("/api/v1/cases", PacketApiTest.BILLING, Samples.text("01-complete-esketamine"));
        String id = created.json().get("id").asString();

        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            Future<String> held = holder.submit(() -> pool.run(() -> {
                running.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "held";
            }));
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

            Response packet = api.post("/api/v1/cases/" + id + "/packet", PacketApiTest.BILLING, new byte[0], null);
            Response estimate = api.post("/api/v1/cases/" + id + "/estimate", PacketApiTest.BILLING, new byte[0], null);
            Response completeness = api.get("/api/v1/cases/" + id + "/completeness", PacketApiTest.BILLING);

            for (Response busy : new Response[] {packet, estimate}) {
                assertThat(busy.status()).as(busy.text()).isEqualTo(503);
                assertThat(busy.contentType()).startsWith("application/problem+json");
                assertThat(busy.json().get("status").asInt()).isEqualTo(503);
                assertThat(busy.json().get("title").asString()).isEqualTo("Busy generating documents");
            }
            assertThat(retryAfter(id)).hasValue("3");
            assertThat(completeness.status()).isEqualTo(200);
            assertThat(api.get("/api/v1/cases/" + id + "/documents", PacketApiTest.BILLING).json().size()).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_events WHERE outcome = 'BUSY'", Integer.class))
                    .isEqualTo(3);

            release.countDown();
            assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("held");
            Response after = api.post("/api/v1/cases/" + id + "/packet", PacketApiTest.BILLING, new byte[0], null);
            assertThat(after.status()).as(after.text()).isEqualTo(201);
        } finally {
            release.countDown();
            holder.shutdownNow();
        }
    }

    /** The Retry-After header of a refused packet request (the client above keeps only a few headers). */
    private java.util.Optional<String> retryAfter(String id) throws Exception {
        String token = Base64.getEncoder().encodeToString(
                (PacketApiTest.BILLING + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases/" + id
                + "/packet")).header("Authorization", "Basic " + token).POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(503);
        return r.headers().firstValue("Retry-After");
    }
}

package dev.authpack.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A load balancer reads readiness to decide whom to send traffic: an instance still warming up its
 * packet rendering is alive but not ready, so no clerk's first packet pays for a cold start. The
 * warm-up is long here (100 packets, seconds) so that the instance is asked while it runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "authpack.generation.warm-up-packets=100", "spring.datasource.url=jdbc:h2:mem:warm-up-readiness;DB_CLOSE_DELAY=-1"})
class ReadinessDuringWarmUpTest {

    @LocalServerPort
    int port;
    @Autowired
    PacketWarmUp warmUp;

    @Test
    void aWarmingInstanceIsAliveButNotReadyUntilTheWarmUpEnds() throws Exception {
        ApiClient api = new ApiClient(port);
        int readiness = api.get("/actuator/health/readiness", null).status();
        int liveness = api.get("/actuator/health/liveness", null).status();
        assertThat(warmUp.done()).as("still warming up after both answers").isNotDone();

        assertThat(readiness).isEqualTo(503);
        assertThat(liveness).isEqualTo(200);

        warmUp.done().get(120, TimeUnit.SECONDS);
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }
}

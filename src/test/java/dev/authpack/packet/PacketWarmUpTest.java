package dev.authpack.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The start-up warm-up renders packets on its own database and leaves no document, upload or audit entry. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "authpack.generation.warm-up-packets=2", "spring.datasource.url=jdbc:h2:mem:warm-up;DB_CLOSE_DELAY=-1"})
class PacketWarmUpTest {

    @LocalServerPort
    int port;
    @Autowired
    PacketWarmUp warmUp;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void warmUpRendersPacketsAndWritesNothing() throws Exception {
        assertThat(warmUp.done().get(60, TimeUnit.SECONDS)).isEqualTo(2);

        assertThat(count("documents")).isZero();
        assertThat(count("attachments")).isZero();
        assertThat(count("cases")).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_events WHERE action LIKE 'PACKET%'", Integer.class))
                .isZero();
        ApiClient.Response health = new ApiClient(port).get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }
}

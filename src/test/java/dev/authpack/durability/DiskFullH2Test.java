package dev.authpack.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.AuthpackApplication;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.FullDisk;
import dev.authpack.support.Samples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded database's disk fills up under a running service (H2's real file code, its writes failing
 * with "No space left on device": {@link FullDisk}). H2 closes the database when a write fails. Before,
 * the write was answered 500 "Internal error" with a stack trace, every request after it 503 "Database
 * unavailable" — reads too — and the service never recovered: the pool kept the dead connections until
 * a restart, although the disk had room again (found on a 40 MB tmpfs, docs/deploy.md "When the disk
 * fills up").
 */
class DiskFullH2Test {

    @TempDir
    Path dir;

    @AfterEach
    void room() {
        FullDisk.free();
    }

    @Test
    void aFullDiskIsAnswered507AndTheServiceRecoversWithoutARestartOnceThereIsRoom() throws Exception {
        FullDisk.register();
        String before;
        String after;
        try (ConfigurableApplicationContext app = start()) {
            ApiClient api = new ApiClient(port(app));
            before = created(api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine")));

            FullDisk.fill();
            // The write that meets the full disk is answered 507. A request that meets the database after another
            // thread's write closed it (a scheduled job's, or this write's rollback hiding its cause) is answered
            // 503 "Database unavailable"; none is ever a 500, and once the pool has reopened the file, writes
            // reach the disk again and say why they fail.
            Response refused = null;
            for (int i = 0; i < 10 && (refused == null || refused.status() != 507); i++) {
                refused = api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine"));
                assertThat(refused.status()).as(refused.text()).isIn(503, 507);
            }
            assertThat(refused.status()).as(refused.text()).isEqualTo(507);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("title").asString()).isEqualTo("Storage full");
            assertThat(refused.header("Retry-After")).isEqualTo("60");
            // whatever else is asked while the disk is full is never "Internal error": a pooled connection to the
            // closed database fails once ("Database unavailable", and the pool drops it), a new one reads the file
            Response read = api.get("/api/v1/cases/" + before, "north.billing");
            assertThat(read.status()).as(read.text()).isIn(200, 503, 507);
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port(app) + "/cases")).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(page.body()).isIn(302, 503, 507);

            FullDisk.free();
            // no restart, no waiting: the first connection found closed had the pool replace every one, so no
            // request after this meets a connection to the closed database (before: each pooled connection failed
            // a request of its own first, and none recovered at all before the pool learnt to drop them)
            for (int i = 0; i < 12; i++) {
                Response later = api.get("/api/v1/cases/" + before, "north.billing");
                assertThat(later.status()).as("read " + i + " once there is room: " + later.text()).isEqualTo(200);
            }
            after = created(api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine")));
        }
        try (ConfigurableApplicationContext app = start()) {
            ApiClient api = new ApiClient(port(app));
            assertThat(api.get("/api/v1/cases/" + before, "north.billing").status()).isEqualTo(200);
            assertThat(api.get("/api/v1/cases/" + after, "north.billing").status()).isEqualTo(200);
        }
    }

    private static String created(Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AuthpackApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:fulldisk:" + dir.resolve("data").resolve("authpack")
                        + ";AUTO_SERVER=FALSE;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                "--authpack.backup.dir=" + dir.resolve("backups"));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}

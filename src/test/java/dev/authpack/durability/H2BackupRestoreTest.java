package dev.authpack.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.AuthpackApplication;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.h2.tools.Restore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The embedded database's documented backup and restore (docs/deploy.md): an administrator's online
 * backup through the service (H2's BACKUP TO), the data directory wiped, H2's Restore tool, and every
 * case, document (bytes and sha256), attachment, user and audit entry back.
 */
class H2BackupRestoreTest {

    @TempDir
    Path dir;

    @Test
    void backUpWipeRestoreAndFindEverything() throws Exception {
        Path data = dir.resolve("data");
        AcknowledgedWrites ledger = new AcknowledgedWrites();
        JsonNode auditBefore;
        String backupFile;
        try (ConfigurableApplicationContext app = start(data)) {
            ApiClient api = new ApiClient(port(app));
            BackupRestore.write(ledger, port(app));
            auditBefore = api.get("/api/v1/audit?size=500", AcknowledgedWrites.ADMIN).json().get("items");

            Response backup = api.post("/api/v1/admin/backups", AcknowledgedWrites.ADMIN, new byte[0], null);
            assertThat(backup.status()).as(backup.text()).isEqualTo(201);
            backupFile = backup.json().get("file").asString();
            assertThat(AcknowledgedWrites.sha256(Files.readAllBytes(Path.of(backupFile))))
                    .isEqualTo(backup.json().get("sha256").asString());
        }

        wipe(data);
        Restore.execute(backupFile, data.toString(), "authpack");

        try (ConfigurableApplicationContext app = start(data)) {
            ApiClient api = new ApiClient(port(app));
            BackupRestore.assertAllThere(ledger, api, auditBefore);
        }
    }

    private ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(AuthpackApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("authpack") + ";AUTO_SERVER=FALSE;WRITE_DELAY=0",
                "--authpack.backup.dir=" + dir.resolve("backups"));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static void wipe(Path directory) throws Exception {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(directory).doesNotExist();
    }
}

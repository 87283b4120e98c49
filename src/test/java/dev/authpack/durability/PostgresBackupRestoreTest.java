package dev.authpack.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.AuthpackApplication;
import dev.authpack.support.ApiClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL's documented backup and restore (docs/deploy.md), with the real tools: pg_dump in its
 * custom format while the service runs, the database dropped, pg_restore into a new one, and every
 * case, document (bytes and sha256), attachment, user and audit entry back. pg_dump refuses servers
 * newer than itself, so the server here is a PostgreSQL 15 (binaries copied by the build) to match the
 * pg_dump these machines have (Debian's postgresql-client, installed by .ci/run).
 */
class PostgresBackupRestoreTest {

    @TempDir
    Path dir;

    @Test
    void pgDumpWipePgRestoreAndFindEverything() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setPgBinaryResolver((system, hardware) ->
                new ByteArrayInputStream(postgres15Binaries())).start()) {
            int port = server.getPort();
            String url = "jdbc:postgresql://localhost:" + port + "/authpack";
            sql(port, "CREATE DATABASE authpack");
            AcknowledgedWrites ledger = new AcknowledgedWrites();
            JsonNode auditBefore;
            Path dump = dir.resolve("authpack.pgdump");
            try (ConfigurableApplicationContext app = start(url)) {
                BackupRestore.write(ledger, port(app));
                auditBefore = new ApiClient(port(app)).get("/api/v1/audit?size=500", AcknowledgedWrites.ADMIN).json()
                        .get("items");
                run(tool("pg_dump"), "--format=custom", "--host=localhost", "--port=" + port, "--username=postgres",
                        "--dbname=authpack", "--file=" + dump); // online: the service is still running
            }

            sql(port, "DROP DATABASE authpack WITH (FORCE)");
            sql(port, "CREATE DATABASE authpack");
            run(tool("pg_restore"), "--host=localhost", "--port=" + port, "--username=postgres", "--dbname=authpack",
                    "--no-owner", "--exit-on-error", dump.toString());

            try (ConfigurableApplicationContext app = start(url)) {
                BackupRestore.assertAllThere(ledger, new ApiClient(port(app)), auditBefore);
            }
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(AuthpackApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static byte[] postgres15Binaries() throws java.io.IOException {
        Path jar = Path.of("target", "postgres-15", "binaries.jar");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            var entry = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst().orElseThrow();
            return zip.getInputStream(entry).readAllBytes();
        }
    }

    private static void sql(int port, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** The newest installed PostgreSQL client tool of that name (Debian keeps them per major version). */
    private static String tool(String name) throws Exception {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var found = versions.map(v -> v.resolve("bin").resolve(name)).filter(Files::isExecutable)
                        .max(Comparator.comparing(p -> Integer.parseInt(p.getParent().getParent().getFileName().toString())));
                if (found.isPresent()) {
                    return found.get().toString();
                }
            }
        }
        return name; // from PATH
    }

    private static void run(String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(command));
        File log = Files.createTempFile("pg-tool", ".log").toFile();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + ":\n" + Files.readString(log.toPath(), StandardCharsets.UTF_8))
                .isZero();
    }
}

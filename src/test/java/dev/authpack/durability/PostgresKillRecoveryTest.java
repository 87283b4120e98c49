package dev.authpack.durability;

import dev.authpack.support.ChildApp;
import dev.authpack.support.EmbeddedPostgresForTests;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same kill -9 rounds with the application on PostgreSQL (a server the test starts; the process killed is the application's). */
class PostgresKillRecoveryTest {

    @TempDir
    Path workDir;

    @Test
    void acknowledgedWritesSurviveKillNineOnPostgres() {
        String url = EmbeddedPostgresForTests.newDatabase("kill_recovery");
        Map<String, String> settings = Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres",
                "spring.datasource.password", "");
        KillRounds.run("PostgreSQL", () -> ChildApp.start(workDir, "postgres", settings));
    }
}

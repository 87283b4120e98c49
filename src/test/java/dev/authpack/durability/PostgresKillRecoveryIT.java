package dev.authpack.durability;

import dev.authpack.support.EmbeddedPostgresForTests;
import dev.authpack.support.PreparedJar;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same kill -9 rounds with the packaged jar on PostgreSQL (a server the test starts; the process
 * killed is the application's).
 */
class PostgresKillRecoveryIT {

    @TempDir
    Path workDir;

    @Test
    void acknowledgedWritesSurviveKillNineOnPostgres() {
        String url = EmbeddedPostgresForTests.newDatabase("kill_recovery");
        Map<String, String> settings = Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres",
                "spring.datasource.password", "");
        PreparedJar jar = PreparedJar.get();
        KillRounds.run("PostgreSQL", () -> jar.start(workDir, "postgres", settings));
    }
}

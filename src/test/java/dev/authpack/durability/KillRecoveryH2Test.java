package dev.authpack.durability;

import dev.authpack.support.ChildApp;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default (H2 in {@code ./data}, settings exactly as shipped): nothing the service
 * acknowledged is lost when the process is killed with SIGKILL right after answering.
 */
class KillRecoveryH2Test {

    @TempDir
    Path workDir;

    @Test
    void acknowledgedWritesSurviveKillNineOnTheEmbeddedDefault() {
        KillRounds.run("H2 (embedded default)", () -> ChildApp.start(workDir, "h2", Map.of()));
    }
}

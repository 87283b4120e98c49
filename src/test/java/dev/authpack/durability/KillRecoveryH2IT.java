package dev.authpack.durability;

import dev.authpack.support.PreparedJar;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default (H2 in {@code ./data}, settings exactly as shipped), in the packaged jar started
 * as production starts it: nothing the service acknowledged is lost when the process is killed with
 * SIGKILL right after answering.
 */
class KillRecoveryH2IT {

    @TempDir
    Path workDir;

    @Test
    void acknowledgedWritesSurviveKillNineOnTheEmbeddedDefault() {
        PreparedJar jar = PreparedJar.get();
        KillRounds.run("H2 (embedded default)", () -> jar.start(workDir, "h2", Map.of()));
    }
}

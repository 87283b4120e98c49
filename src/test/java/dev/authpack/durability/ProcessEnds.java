package dev.authpack.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ChildApp;
import dev.authpack.support.PreparedJar;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two ways the service's process ends, against the packaged jar started in a child JVM as production
 * starts it, on one database: killed (SIGKILL right after answering) and stopped (SIGTERM while packets
 * are being generated). The instance the kill rounds leave running is the one the orderly stop is sent
 * to, and the ledger of the kill rounds is checked once more after that stop: each start of the jar costs
 * seconds of both cores of a CI machine. Either test also runs alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ProcessEnds {

    private Path workDir;
    private final AcknowledgedWrites ledger = new AcknowledgedWrites();
    private ChildApp running;

    /** The database's name in the figures. */
    abstract String database();

    /** The settings that put the service on this database. */
    abstract Map<String, String> settings();

    /** One folder for both tests: the second starts the service again on the first one's data. */
    @BeforeAll
    void workIn(@TempDir Path dir) {
        workDir = dir;
    }

    private ChildApp start() {
        return PreparedJar.get().start(workDir, "app", settings());
    }

    @Test
    @Order(1)
    void acknowledgedWritesSurviveKillNine() {
        running = KillRounds.run(database(), ledger, this::start);
    }

    @Test
    @Order(2)
    void sigtermWhilePacketsAreGeneratedFinishesAndAnswersEveryOne() throws Exception {
        ChildApp app = running != null ? running : start();
        running = null;
        running = GracefulStop.whilePacketsAreGenerated(app, this::start);
        assertThat(ledger.lost(new ApiClient(running.port())))
                .as("writes acknowledged before the kills, after the orderly stop").isEmpty();
    }

    @AfterAll
    void closeTheLastInstance() {
        if (running != null) {
            running.close();
        }
    }
}

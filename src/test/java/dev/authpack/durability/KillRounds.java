package dev.authpack.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ChildApp;
import dev.authpack.support.FormClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Rounds of "write over HTTP, get the answer, SIGKILL the process, start it again on the same data,
 * find everything": the operator's kill -9 test of issue #12, run against the real application. Each
 * round ends on a different kind of write, so every kind is the last one before a kill at least once
 * in five rounds; the default two end on the writes with the most parts (a packet: document, audit row
 * and kept answer; an upload: file and row). {@code -Dauthpack.kill.rounds=5} (or more) runs more.
 */
final class KillRounds {

    // each round costs a start of the jar, seconds of both cores of a CI machine
    static final int ROUNDS = Integer.getInteger("authpack.kill.rounds", 2);

    private KillRounds() {
    }

    /**
     * Runs the rounds, starting the application with {@code start} each time, and hands back the instance
     * started after the last kill (the caller closes it); on a failure it is closed here.
     */
    static ChildApp run(String database, AcknowledgedWrites ledger, Supplier<ChildApp> start) {
        List<String> lost = new ArrayList<>();
        ChildApp app = start.get();
        boolean handedOn = false;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                writeRound(ledger, app.port(), round);
                app.kill(); // right after the last answer
                app = start.get();
                List<String> missing = ledger.lost(new ApiClient(app.port()));
                final int r = round + 1;
                missing.forEach(m -> lost.add("round " + r + ": " + m));
                record(figures(database, r, ledger, lost)); // progress, so a run cut short still has its figures
            }
            assertThat(lost).as(figures(database, ROUNDS, ledger, lost)).isEmpty();
            handedOn = true;
            return app;
        } finally {
            if (!handedOn) {
                app.close();
            }
        }
    }

    private static String figures(String database, int rounds, AcknowledgedWrites ledger, List<String> lost) {
        return String.format("kill -9 test on %s: %d of %d rounds, %d writes acknowledged %s, %d audit entries "
                        + "expected, %d lost", database, rounds, ROUNDS, ledger.acknowledgedCount(), ledger.counts(),
                ledger.auditRowsExpected(), lost.size());
    }

    private static void writeRound(AcknowledgedWrites ledger, int port, int round) {
        ApiClient api = new ApiClient(port);
        FormClient admin = new FormClient(port).signIn(AcknowledgedWrites.ADMIN, ApiClient.PASSWORD);
        String caseId = ledger.createCase(api);
        // rotated by one each round: round 1 ends on the packet, round 2 on the upload, then the user, ...
        List<Runnable> writes = new ArrayList<>(List.of(
                () -> ledger.updateCase(api, caseId),
                () -> ledger.readCase(api, caseId),
                () -> ledger.createUser(admin),
                () -> ledger.uploadAttachment(api, caseId),
                () -> ledger.generatePacket(api, caseId)));
        Collections.rotate(writes, round);
        writes.forEach(Runnable::run);
    }

    private static void record(String figures) {
        System.out.println(figures);
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "kill-test-figures.txt"), figures + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the figures are also on standard output
        }
    }
}

package dev.authpack.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ChildApp;
import dev.authpack.support.Samples;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The orderly stop an operator or an orchestrator sends (SIGTERM) while packets are being generated:
 * every request already received is finished and answered 201, nothing is refused half-way, and each
 * document answered is there, byte for byte, after the service starts again on the same data.
 */
final class GracefulStop {

    static final int PACKETS = 12;

    /** One packet request's answer, and when it came (System.nanoTime). */
    private record Answer(int status, String id, String sha256, long at) {
    }

    private GracefulStop() {
    }

    /**
     * Sends SIGTERM to {@code app} while {@value #PACKETS} packets are in flight, checks the answers, starts
     * the service again with {@code startAgain} and checks the documents there; returns that instance, which
     * the caller closes (it is closed here when a check fails).
     */
    static ChildApp whilePacketsAreGenerated(ChildApp app, Supplier<ChildApp> startAgain) throws Exception {
        List<Answer> answers = new ArrayList<>();
        long stopSentAt;
        String caseId;
        String log;
        ExecutorService clients = Executors.newFixedThreadPool(PACKETS);
        try (app) {
            ApiClient api = new ApiClient(app.port());
            caseId = api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine")).json()
                    .get("id").asString();
            CountDownLatch firstAnswer = new CountDownLatch(1);
            List<Future<Answer>> inFlight = new ArrayList<>();
            for (int i = 0; i < PACKETS; i++) {
                inFlight.add(clients.submit(() -> {
                    ApiClient.Response r = api.post("/api/v1/cases/" + caseId + "/packet", "north.billing", new byte[0], null);
                    long at = System.nanoTime();
                    firstAnswer.countDown();
                    return r.status() == 201
                            ? new Answer(201, r.json().get("id").asString(), r.json().get("sha256").asString(), at)
                            : new Answer(r.status(), null, r.text(), at);
                }));
            }
            assertThat(firstAnswer.await(120, TimeUnit.SECONDS)).as("a first packet answered").isTrue();

            stopSentAt = System.nanoTime();
            app.stop(); // SIGTERM, and wait for the process to end

            for (Future<Answer> f : inFlight) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            log = app.logTail();
        } finally {
            clients.shutdownNow();
        }

        assertThat(answers).as("every request received before the stop is answered 201; the service's log:\n" + log)
                .allSatisfy(a -> assertThat(a.status()).as(a.sha256()).isEqualTo(201));
        assertThat(answers.stream().filter(a -> a.at() > stopSentAt).count())
                .as("packets were still being generated when SIGTERM came").isPositive();

        ChildApp again = startAgain.get();
        boolean handedOn = false;
        try {
            ApiClient api = new ApiClient(again.port());
            for (Answer a : answers) {
                ApiClient.Response pdf = api.get("/api/v1/documents/" + a.id(), "north.billing");
                assertThat(pdf.status()).as("document " + a.id()).isEqualTo(200);
                assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf.body())))
                        .as("document " + a.id() + " byte for byte").isEqualTo(a.sha256());
            }
            assertThat(api.get("/api/v1/cases/" + caseId + "/documents", "north.billing").json().size())
                    .isEqualTo(PACKETS);
            handedOn = true;
            return again;
        } finally {
            if (!handedOn) {
                again.close();
            }
        }
    }
}

package dev.authpack.bench;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many clients at the billing desk for a bounded time: each round reads the case list, two cases and a
 * case's completeness, and every tenth round asks for a packet; {@code pauseMillis} between rounds
 * (0 = as fast as they can, the stress run; 2,000 = the busy desk).
 */
final class DeskLoad {

    static final String USER = "north.billing";

    final Latencies pages = new Latencies();
    final Latencies completeness = new Latencies();
    final Latencies packets = new Latencies();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong busy = new AtomicLong();
    final AtomicLong rounds = new AtomicLong();

    private final Http http;
    private final List<String> cases;

    DeskLoad(Http http, List<String> cases) {
        this.http = http;
        this.cases = cases;
    }

    void run(int clients, long seconds, long pauseMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                long round = client; // staggered, so the tenth rounds do not all fall together
                while (System.nanoTime() < end) {
                    round(++round % 10 == 0);
                    rounds.incrementAndGet();
                    if (pauseMillis > 0) {
                        Service.sleep(Math.min(pauseMillis, Math.max(0, (end - System.nanoTime()) / 1_000_000)));
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(seconds + 120, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }

    private void round(boolean packet) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        timed(pages, http.get("/api/v1/cases", USER), 200);
        for (int i = 0; i < 2; i++) {
            timed(pages, http.get("/api/v1/cases/" + cases.get(r.nextInt(cases.size())), USER), 200);
        }
        timed(completeness, http.get("/api/v1/cases/" + cases.get(r.nextInt(cases.size())) + "/completeness", USER), 200);
        if (packet) {
            timed(packets, http.post("/api/v1/cases/" + cases.get(r.nextInt(cases.size())) + "/packet", USER, null), 201);
        }
    }

    private void timed(Latencies into, Http.Answer a, int expected) {
        if (a.status() == expected) {
            into.add(a.millis());
        } else if (a.status() == 503) {
            busy.incrementAndGet();
        } else {
            errors.incrementAndGet();
        }
    }
}

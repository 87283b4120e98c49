package dev.authpack.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * The clerk probe, run as a process of its own by {@link LoadBenchmark}: asks for one case's
 * completeness every 250 ms for a given time and prints each latency (ms) on its own line, after a
 * few untimed calls that warm its own HTTP client. Arguments: port, seconds, case id, user.
 */
public final class Clerk {

    static final long PERIOD_NANOS = 250_000_000L;

    private Clerk() {
    }

    public static void main(String[] args) {
        Http http = new Http(Integer.parseInt(args[0]));
        long seconds = Long.parseLong(args[1]);
        String path = "/api/v1/cases/" + args[2] + "/completeness";
        String user = args[3];
        for (int i = 0; i < 8; i++) {
            http.get(path, user);
        }
        System.out.println("READY");
        System.out.flush();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        // fixed rate without catching up: a slow answer delays the next click, it does not cause a burst
        for (long next = start; next < end; next = Math.max(next + PERIOD_NANOS, System.nanoTime())) {
            LockSupport.parkNanos(next - System.nanoTime());
            Http.Answer a = http.get(path, user);
            System.out.println(a.status() == 200 ? String.valueOf(a.millis()) : "ERROR " + a.status());
        }
        System.out.println("DONE");
    }
}

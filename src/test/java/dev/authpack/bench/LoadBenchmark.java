package dev.authpack.bench;

import dev.authpack.rendering.BarePdfBox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one benchmark command (docs/performance.md): starts the service as a child JVM with the
 * documented memory setting on a free loopback port, then measures start-up and the first packet,
 * packets through HTTP against bare PDFBox, the stress run and the busy desk with the clerk probe in a
 * process of its own, live heap after a full GC before and after, RSS and the load average. Every loop
 * is bounded; the service is stopped at the end. Settings: -Dbench.seconds (60), -Dbench.clients (50),
 * -Dbench.warmup (300), -Dbench.packets (300), -Dbench.phases (packets,stress,desk), -Dbench.jfr (false),
 * -Dbench.jvm (the service's JVM flags, default tools/launch/jvm.options), -Dbench.args (extra service
 * arguments, e.g. {@code --authpack.generation.threads=2}), -Dbench.cds (true: start the jar as
 * production does, unpacked with its class-data archive by tools/launch/prepare.sh; off with -Dbench.jfr).
 * The phase {@code clinic}, run only when named, fills the clinic with -Dbench.clinic.cases (3,000) cases,
 * -Dbench.clinic.approved (1,000) of them with a packet and ten events, and times its pages one at a time.
 */
public final class LoadBenchmark {

    private static final PrintStream OUT = System.out;
    private static final List<String> REPORT = new ArrayList<>();

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = Long.getLong("bench.seconds", 60);
        int clients = Integer.getInteger("bench.clients", 50);
        int warmUp = Integer.getInteger("bench.warmup", 300);
        int measured = Integer.getInteger("bench.packets", 300);
        Set<String> phases = Set.of(System.getProperty("bench.phases", "packets,stress,desk").split(","));
        Path runDir = Path.of("target", "bench", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(runDir);
        String flags = System.getProperty("bench.jvm", "").isBlank() ? Service.productionFlags() : System.getProperty("bench.jvm");
        if (Boolean.getBoolean("bench.jfr")) {
            flags += " -XX:StartFlightRecording=filename=" + runDir.toAbsolutePath().resolve("service.jfr") + ",settings=profile";
        }
        report("machine: %d cores, load %s; service JVM: %s", Runtime.getRuntime().availableProcessors(), load(), flags);
        List<String> serviceArgs = java.util.Arrays.stream(System.getProperty("bench.args", "").split("\\s+"))
                .filter(a -> !a.isBlank()).toList();
        if (!serviceArgs.isEmpty()) {
            report("service arguments: %s", serviceArgs);
        }
        Path jar = Path.of(System.getProperty("bench.jar", "target/authpack.jar"));
        List<String> launch = List.of("-jar", jar.toAbsolutePath().toString());
        // JDK 17 crashes recording JFR over archived classes (a class-file load hook on shared classes)
        if (!"false".equals(System.getProperty("bench.cds")) && !Boolean.getBoolean("bench.jfr")) {
            long t0 = System.nanoTime();
            Path app = prepare(jar, runDir.resolve("app"));
            launch = List.of("-jar", app.resolve(jar.getFileName()).toAbsolutePath().toString());
            flags += " -Xshare:on -XX:SharedArchiveFile=" + app.resolve("authpack.jsa").toAbsolutePath();
            report("tools/launch/prepare.sh (unpacked jar, class-data archive) took %d s, not part of start-up; load %s",
                    (System.nanoTime() - t0) / 1_000_000_000, load());
        }
        try (Service service = Service.start(runDir, flags, launch, serviceArgs)) {
            Runtime.getRuntime().addShutdownHook(new Thread(service::close));
            report("start-up: healthy (warm-up included) %d ms after launch; Spring Boot 'started in' %.2f s; load %s",
                    service.readyMillis, service.springStartSeconds(), load());
            Http http = new Http(service.port);
            List<String> cases = createCases(http, 20);
            Http.Answer first = http.post("/api/v1/cases/" + cases.get(0) + "/packet", DeskLoad.USER, null);
            report("first packet after start: %d ms (status %d); load %s", first.millis(), first.status(), load());
            long heapBefore = service.liveHeapMiB();
            report("live heap after a full GC, before the load: %d MiB; RSS %d MiB", heapBefore, service.rssMiB()[0]);
            if (phases.contains("packets")) {
                packets(service, http, cases, warmUp, measured);
            }
            if (phases.contains("stress")) {
                desk("stress", service, http, cases, clients, seconds, 0);
            }
            if (phases.contains("desk")) {
                desk("busy desk", service, http, cases, clients, seconds, 2000);
            }
            if (phases.contains("clinic")) {
                clinic(service, http);
            }
            long[] rss = service.rssMiB();
            report("live heap after a full GC, after the load: %d MiB (before: %d MiB); RSS %d MiB, peak RSS %d MiB; load %s",
                    service.liveHeapMiB(), heapBefore, rss[0], rss[1], load());
        }
        // a fresh database pays for every migration once; upgrades and restarts after a crash start on a full one
        String againFlags = flags.replace("service.jfr", "service-restart.jfr"); // keep the load run's profile
        try (Service again = Service.start(runDir, againFlags, launch, serviceArgs, "service-restart.log")) {
            report("restart on the same database: healthy (warm-up included) %d ms after launch; Spring Boot 'started in' "
                    + "%.2f s; load %s", again.readyMillis, again.springStartSeconds(), load());
        }
        Files.write(runDir.resolve("results.txt"), REPORT);
        OUT.println("results and service log: " + runDir);
    }

    /** Runs the production launch preparation on the jar the build made; the JDK is this one's. */
    private static Path prepare(Path jar, Path app) throws IOException, InterruptedException {
        Path log = app.resolveSibling("prepare.log");
        ProcessBuilder pb = new ProcessBuilder("tools/launch/prepare.sh", jar.toString(), app.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("AUTHPACK_TEMPLATES_DIR", Path.of("templates").toAbsolutePath().toString());
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("tools/launch/prepare.sh failed; see " + log);
        }
        return app;
    }

    private static String sample() throws IOException {
        try (InputStream in = LoadBenchmark.class.getResourceAsStream("/samples/01-complete-esketamine.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> createCases(Http http, int count) throws IOException {
        String sample = sample();
        String[] names = {"Dana", "Lee", "Maria", "Sam", "Priya", "Jonas", "Aiko", "Tomás", "Fiona", "Noor"};
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Http.Answer a = http.post("/api/v1/cases", DeskLoad.USER,
                    sample.replace("\"Dana\"", "\"" + names[i % names.length] + "\""));
            if (a.status() != 201) {
                throw new IllegalStateException("creating a case answered " + a.status() + ": " + a.body());
            }
            int at = a.body().indexOf("\"id\":\"") + 6;
            ids.add(a.body().substring(at, a.body().indexOf('"', at)));
        }
        return ids;
    }

    /** Packets through HTTP on 2 client threads, then bare PDFBox on one thread in this JVM, same run. */
    private static void packets(Service service, Http http, List<String> cases, int warmUp, int measured)
            throws InterruptedException {
        packetRun(http, cases, warmUp, new Latencies(), new AtomicLong());
        Latencies latencies = new Latencies();
        AtomicLong errors = new AtomicLong();
        String loadBefore = load();
        long cpu0 = service.cpuMillis();
        long t0 = System.nanoTime();
        packetRun(http, cases, measured, latencies, errors);
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpuPerPacket = (service.cpuMillis() - cpu0) / (double) measured;
        double rate = measured / secs;
        report("packets via HTTP (2 client threads, %d warm-up): %.1f packets/s, %s, errors %d, "
                + "service CPU %.1f ms/packet; load %s -> %s", warmUp, rate, latencies.summary(), errors.get(),
                cpuPerPacket, loadBefore, load());
        BarePdfBox bare = new BarePdfBox();
        double[] plain = yardstick(bare::document, measured);
        report("bare PDFBox, comparable 6-page document, 1 thread: %.1f docs/s, CPU %.1f ms/doc; "
                + "ratio packets/bare: %.2f by rate, %.2f by CPU time; load %s", plain[0], plain[1], rate / plain[0],
                plain[1] / cpuPerPacket, load());
        // the yardstick above stays as it was; this one only shows how much of the gap the packet's
        // conformance obligations (PDF/A-2b, PDF/UA-1 tagging) explain and how much the HTML pipeline does
        double[] conforming = yardstick(bare::conformingDocument, measured);
        report("bare PDFBox, the same document as PDF/A-2b and tagged PDF/UA-1, 1 thread: %.1f docs/s, CPU %.1f ms/doc; "
                + "ratio packets/conforming: %.2f by rate, %.2f by CPU time; load %s", conforming[0], conforming[1],
                rate / conforming[0], conforming[1] / cpuPerPacket, load());
    }

    /** A clinic some years in: fill it, then time the pages a clerk opens, one request at a time. */
    private static void clinic(Service service, Http http) throws Exception {
        ClinicAtScale clinic = new ClinicAtScale(http, service.port);
        report("clinic: %s; load %s", clinic.fill(sample(), Integer.getInteger("bench.clinic.cases", 3000),
                Integer.getInteger("bench.clinic.approved", 1000)), load());
        clinic.time().forEach((page, l) -> report("clinic page %s: p50 %d ms, p99 %d ms (%s)", page, l.percentile(50),
                l.percentile(99), l.summary()));
        report("clinic pages timed; load %s", load());
    }

    /** Docs/s and CPU ms per doc of one document kind on this thread, after 100 unmeasured ones. */
    private static double[] yardstick(java.util.function.IntFunction<byte[]> make, int count) {
        for (int i = 0; i < 100; i++) {
            make.apply(i);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long b0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            make.apply(i);
        }
        return new double[] {count / ((System.nanoTime() - b0) / 1e9),
                (threads.getCurrentThreadCpuTime() - c0) / 1e6 / count};
    }

    private static void packetRun(Http http, List<String> cases, int count, Latencies into, AtomicLong errors)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int t = 0; t < 2; t++) {
            pool.submit(() -> {
                for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                    Http.Answer a = http.post("/api/v1/cases/" + cases.get(n % cases.size()) + "/packet", DeskLoad.USER, null);
                    if (a.status() == 201) {
                        into.add(a.millis());
                    } else {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            pool.shutdownNow();
        }
    }

    private static void desk(String name, Service service, Http http, List<String> cases, int clients, long seconds,
                             long pauseMillis) throws Exception {
        Latencies clerk = new Latencies();
        AtomicLong clerkErrors = new AtomicLong();
        Process probe = startClerk(service.port, seconds, cases.get(1), clerk, clerkErrors);
        try {
            DeskLoad load = new DeskLoad(http, cases);
            String loadBefore = load();
            long t0 = System.nanoTime();
            load.run(clients, seconds, pauseMillis);
            double secs = (System.nanoTime() - t0) / 1e9;
            probe.waitFor(seconds + 60, TimeUnit.SECONDS);
            report("%s (%d clients, %d s, pause %d ms): clerk completeness p50 %d ms, p99 %d ms (n=%d, errors %d); "
                    + "page loads p99 %d ms (%s); completeness of the clients p99 %d ms; packets %.1f/s, p50 %d ms, "
                    + "p99 %d ms; requests %.0f/s; errors %d, 503 busy %d; load %s -> %s",
                    name, clients, seconds, pauseMillis, clerk.percentile(50), clerk.percentile(99), clerk.count(),
                    clerkErrors.get(), load.pages.percentile(99), load.pages.summary(), load.completeness.percentile(99),
                    load.packets.count() / secs, load.packets.percentile(50), load.packets.percentile(99),
                    (load.pages.count() + load.completeness.count() + load.packets.count()) / secs,
                    load.errors.get(), load.busy.get(), loadBefore, load());
        } finally {
            probe.destroyForcibly();
        }
    }

    /** The clerk in a JVM of its own; returns once it has warmed its client and is clicking. */
    private static Process startClerk(int port, long seconds, String caseId, Latencies into, AtomicLong errors)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), Clerk.class.getName(), String.valueOf(port),
                String.valueOf(seconds), caseId, "north.clinic").redirectErrorStream(true).start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.equals("READY")) {
                        ready.countDown();
                    } else if (line.startsWith("ERROR")) {
                        errors.incrementAndGet();
                    } else if (!line.isBlank() && Character.isDigit(line.charAt(0))) {
                        into.add(Long.parseLong(line.trim()));
                    }
                }
            } catch (IOException ignored) {
                // the probe ended
            }
        }, "clerk-reader");
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("clerk probe did not start");
        }
        return p;
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + "/" + f[1] + "/" + f[2];
        } catch (IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void report(String format, Object... args) {
        String line = String.format(format, args);
        REPORT.add(line);
        OUT.println(line);
        OUT.flush();
    }
}

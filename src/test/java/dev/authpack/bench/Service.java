package dev.authpack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service under test as a child JVM on a free loopback port, with the documented JVM setting,
 * its own H2 file in the run folder and the working tree's templates; stopped when the benchmark ends.
 */
final class Service implements AutoCloseable {

    /** The production JVM setting: the flags of tools/launch/jvm.options (docs/performance.md says why). */
    static String productionFlags() throws IOException {
        return Files.readAllLines(Path.of("tools", "launch", "jvm.options")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    private static final Pattern STARTED = Pattern.compile("Started AuthpackApplication in ([0-9.]+) seconds");

    final int port;
    final Process process;
    final Path log;
    final long readyMillis;

    private Service(int port, Process process, Path log, long readyMillis) {
        this.port = port;
        this.process = process;
        this.log = log;
        this.readyMillis = readyMillis;
    }

    /**
     * Starts {@code java <jvmFlags> <launch> --server.port=… …}, where {@code launch} is e.g.
     * {@code -jar app/authpack.jar}: the jar the build made, run as production runs it.
     */
    static Service start(Path runDir, String jvmFlags, List<String> launch, List<String> extraArgs) throws IOException {
        return start(runDir, jvmFlags, launch, extraArgs, "service.log");
    }

    /** The same, logging to {@code logName} in the run folder (a second start keeps the first one's log). */
    static Service start(Path runDir, String jvmFlags, List<String> launch, List<String> extraArgs, String logName)
            throws IOException {
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Arrays.asList(jvmFlags.trim().split("\\s+")));
        cmd.addAll(launch);
        // the embedded database as shipped (./data under the run folder, the production URL and its
        // durability settings): a URL of the benchmark's own once left out WRITE_DELAY=0
        cmd.addAll(List.of("--server.port=" + port, "--server.address=127.0.0.1",
                "--authpack.templates.dir=" + Path.of("templates").toAbsolutePath()));
        cmd.addAll(extraArgs);
        Path log = runDir.resolve(logName);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(runDir.toAbsolutePath().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Http http = new Http(port);
        long deadline = t0 + TimeUnit.SECONDS.toNanos(600);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (http.get("/actuator/health", null).status() == 200) {
                return new Service(port, p, log, (System.nanoTime() - t0) / 1_000_000);
            }
            sleep(25);
        }
        p.destroyForcibly();
        throw new IllegalStateException("service did not become healthy; see " + log);
    }

    /** What Spring Boot itself reports ("Started ... in N seconds"), or -1. */
    double springStartSeconds() {
        try {
            Matcher m = STARTED.matcher(Files.readString(log));
            return m.find() ? Double.parseDouble(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Heap in use after a full GC (MiB), from {@code jcmd GC.run} and {@code GC.heap_info}. */
    long liveHeapMiB() {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher m = Pattern.compile("(?m)^\\s*garbage-first heap\\s+total \\d+K, used (\\d+)K").matcher(info);
        if (m.find()) {
            return Long.parseLong(m.group(1)) / 1024;
        }
        long used = 0;
        Matcher any = Pattern.compile("(?m)^\\s*(def new generation|tenured generation|PSYoungGen|ParOldGen)\\s+total \\d+K, used (\\d+)K")
                .matcher(info);
        while (any.find()) {
            used += Long.parseLong(any.group(2));
        }
        return used / 1024;
    }

    /** Resident set size now and at its peak (MiB), from /proc. */
    long[] rssMiB() {
        try {
            String status = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "status"));
            return new long[] {kib(status, "VmRSS") / 1024, kib(status, "VmHWM") / 1024};
        } catch (IOException e) {
            return new long[] {-1, -1};
        }
    }

    /** CPU time the service has used so far (user + system), from /proc/PID/stat, in milliseconds. */
    long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (IOException e) {
            return -1;
        }
    }

    private static long kib(String status, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + ":\\s+(\\d+) kB").matcher(status);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private String jcmd(String command) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

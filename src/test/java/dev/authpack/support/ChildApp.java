package dev.authpack.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application in a child JVM, started as production starts it (see {@link PreparedJar}), so a
 * test can kill it with SIGKILL or stop it with SIGTERM and start it again on the same data. Its output
 * goes to a log file in the working directory.
 */
public final class ChildApp implements AutoCloseable {

    // generous: on the shared 2-core machine at load average ~30 a start took over 5 minutes;
    // a child that dies is reported at once, so only a hung start waits this long
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final Process process;
    private final int port;
    private final Path log;

    private ChildApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts a jar prepared by {@code tools/launch/prepare.sh} into {@code appDir} exactly as
     * docs/deploy.md says production does: the flags of {@code tools/launch/jvm.options} and the
     * class-data archive.
     */
    static ChildApp startPrepared(Path appDir, String jarName, Path workDir, String name,
                                         Map<String, String> settings) {
        // -Xshare:on: an archive that does not fit fails the start here, where production would only start slower
        return launch(List.of(javaExecutable(), "@" + Path.of("tools", "launch", "jvm.options").toAbsolutePath(),
                "-Xshare:on", "-XX:SharedArchiveFile=" + appDir.resolve("authpack.jsa"), "-jar",
                appDir.resolve(jarName).toString()),
                workDir, name, settings);
    }

    private static ChildApp launch(List<String> java, Path workDir, String name, Map<String, String> settings) {
        int port = freePort();
        List<String> command = new ArrayList<>(java);
        command.addAll(List.of("--server.port=" + port,
                "--authpack.templates.dir=" + Path.of("templates").toAbsolutePath(),
                "--logging.level.root=WARN"));
        settings.forEach((k, v) -> command.add("--" + k + "=" + v));
        Path log = workDir.resolve(name + ".log");
        try {
            Files.createDirectories(workDir);
            Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            ChildApp app = new ChildApp(p, port, log);
            app.awaitReady();
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole log so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye — what {@code kill -9} and a crash do. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: the orderly stop an operator or an orchestrator sends. */
    public void stop() {
        process.destroy();
        waitForExit();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the port is not open yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException("the application did not become ready in " + START_TIMEOUT + ":\n" + logTail());
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

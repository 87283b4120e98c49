package dev.authpack.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar prepared by {@code tools/launch/prepare.sh}, once per test JVM, for the integration
 * tests that start the service as production does (docs/deploy.md). Preparing costs a training start and
 * an archive dump (~30 s); each start after that maps its classes from the archive and takes a third of
 * the time a start from the class path takes, which is what makes the kill and shutdown tests affordable.
 */
public final class PreparedJar {

    private static PreparedJar prepared;

    private final Path appDir;
    private final String jarName;

    private PreparedJar(Path appDir, String jarName) {
        this.appDir = appDir;
        this.jarName = jarName;
    }

    /** The jar Failsafe names ({@code launch.jar}), prepared into {@code target/it-app} on first use. */
    public static synchronized PreparedJar get() {
        if (prepared == null) {
            Path jar = Path.of(System.getProperty("launch.jar", "target/authpack-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: these tests run after `mvn package` (Failsafe)");
            }
            prepared = prepare(jar, Path.of("target", "it-app").toAbsolutePath());
        }
        return prepared;
    }

    /** Starts the prepared jar with the production flags; see {@link ChildApp#startPrepared}. */
    public ChildApp start(Path workDir, String name, Map<String, String> settings) {
        return ChildApp.startPrepared(appDir, jarName, workDir, name, settings);
    }

    private static PreparedJar prepare(Path jar, Path appDir) {
        Path log = appDir.resolveSibling("it-app-prepare.log");
        try {
            // the script refuses a folder it did not make; one left in target/ by a script older than its
            // marker file is the build's own, so it goes
            if (Files.isDirectory(appDir) && !Files.exists(appDir.resolve(".authpack-prepared"))) {
                try (var files = Files.walk(appDir)) {
                    for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(f);
                    }
                }
            }
            ProcessBuilder script = new ProcessBuilder("bash", "tools/launch/prepare.sh", jar.toString(), appDir.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            // the archive fits only the JDK that made it: the one that starts the jar in the tests
            script.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = script.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("prepare.sh did not finish in 10 minutes:\n" + Files.readString(log));
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(appDir.resolve("authpack.jsa"))) {
                throw new IllegalStateException("prepare.sh failed (" + process.exitValue() + "):\n" + Files.readString(log));
            }
            return new PreparedJar(appDir, jar.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

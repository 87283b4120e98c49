package dev.authpack.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The class-data-sharing archive the production launch uses (docs/deploy.md, "Start-up"), made the
 * same way for the benchmark's service: a training start that stops once the context is refreshed
 * and lists the classes it loaded, then a static archive of those classes. The JVM then maps them
 * already parsed and verified instead of reading ~18,000 classes from jars at every start.
 *
 * <p>CDS archives classes from jars only, so the compiled classes are packed into one first.
 */
final class ClassDataArchive {

    /** The class path to start the service with, and the archive made for exactly that path. */
    record Prepared(String classpath, Path archive) {
    }

    private ClassDataArchive() {
    }

    static Prepared prepare(Path runDir, String jvmFlags) throws IOException {
        Path dir = Files.createDirectories(runDir.resolve("cds"));
        String classpath = classpathOfJars(dir.resolve("authpack-classes.jar"));
        Path classList = dir.resolve("classes.lst");
        run(dir.resolve("training.log"), command(jvmFlags, "-XX:DumpLoadedClassList=" + classList,
                "-Dspring.context.exit=onRefresh", "-cp", classpath, "dev.authpack.AuthpackApplication",
                "--server.port=0", "--authpack.demo.enabled=false", "--authpack.generation.warm-up-packets=0",
                "--spring.datasource.url=jdbc:h2:file:" + dir.toAbsolutePath().resolve("training/db"),
                "--authpack.templates.dir=" + Path.of("templates").toAbsolutePath()));
        Path archivable = dir.resolve("classes-archivable.lst");
        // JDK 17 (up to 17.0.21 at least) crashes dumping lambda proxy classes of this application
        // (JDK-8274944's family); without those lines the archive still holds every loaded class.
        try (Stream<String> lines = Files.lines(classList)) {
            Files.write(archivable, lines.filter(l -> !l.startsWith("@lambda-proxy")).toList());
        }
        Path archive = dir.resolve("authpack.jsa");
        run(dir.resolve("dump.log"), command(jvmFlags, "-Xshare:dump", "-XX:SharedClassListFile=" + archivable,
                "-XX:SharedArchiveFile=" + archive, "-cp", classpath));
        return new Prepared(classpath, archive);
    }

    private static List<String> command(String jvmFlags, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Arrays.asList(jvmFlags.trim().split("\\s+")));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    private static void run(Path log, List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("exit " + p.exitValue() + "; see " + log);
        }
    }

    /** The service's class path with its class folder replaced by a jar of the same classes. */
    private static String classpathOfJars(Path classesJar) throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : Service.serviceClasspath().split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                jar(path, classesJar);
                entries.add(classesJar.toAbsolutePath().toString());
            } else {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void jar(Path folder, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(out);
             Stream<Path> files = Files.walk(folder)) {
            // folders get entries too: Spring's component scan and Flyway find their packages through them
            for (Path path : files.filter(p -> !p.equals(folder)).sorted().toList()) {
                String name = folder.relativize(path).toString().replace(File.separatorChar, '/');
                boolean isFolder = Files.isDirectory(path);
                jar.putNextEntry(new JarEntry(isFolder ? name + "/" : name));
                if (!isFolder) {
                    Files.copy(path, jar);
                }
                jar.closeEntry();
            }
        }
    }
}

package dev.authpack.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ChildApp;
import dev.authpack.support.EmbeddedPostgresForTests;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, prepared by {@code tools/launch/prepare.sh} and started the way docs/deploy.md
 * says production starts it: ahead-of-time bean definitions, the class-data archive, the flags of
 * {@code tools/launch/jvm.options}. Runs after {@code package} (Failsafe), as it needs the jar.
 */
class ProductionLaunchIT {

    private static final String DEMO_PASSWORD = "demo-pass-2026";

    @TempDir
    static Path workDir;

    private static Path appDir;
    private static String jarName;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void prepareTheJar() throws Exception {
        Path jar = Path.of(System.getProperty("launch.jar", "target/authpack-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        jarName = jar.getFileName().toString();
        appDir = workDir.resolve("app");
        ProcessBuilder script = new ProcessBuilder("bash", "tools/launch/prepare.sh", jar.toString(), appDir.toString())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("prepare.log").toFile());
        // the archive fits only the JDK that made it: the one that will start the jar below
        script.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process prepare = script.start();
        assertThat(prepare.waitFor(10, TimeUnit.MINUTES)).as("prepare.sh finished").isTrue();
        assertThat(prepare.exitValue()).as(Files.readString(workDir.resolve("prepare.log"))).isZero();
        assertThat(appDir.resolve("authpack.jsa")).exists();
    }

    @Test
    void preparedJarRunsAheadOfTimeAndMakesAPacketTheClinicCanOpen() throws Exception {
        try (ChildApp app = ChildApp.startPrepared(appDir, jarName, workDir, "demo", Map.of(
                "spring.datasource.url", "jdbc:h2:mem:launch-demo;DB_CLOSE_DELAY=-1",
                "logging.level.dev.authpack", "INFO"))) {
            assertThat(app.log()).contains("Starting AOT-processed AuthpackApplication");

            HttpResponse<String> created = send(app, "POST", "/api/v1/cases", "north.billing", sample());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String caseId = firstId(created.body());
            HttpResponse<String> packet = send(app, "POST", "/api/v1/cases/" + caseId + "/packet", "north.billing", null);
            assertThat(packet.statusCode()).as(packet.body()).isEqualTo(201);

            HttpResponse<byte[]> pdf = http.send(request(app, "GET", "/api/v1/documents/" + firstId(packet.body()),
                    "north.clinic", null), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            try (PDDocument doc = Loader.loadPDF(pdf.body())) {
                assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(4);
                assertThat(new PDFTextStripper().getText(doc)).contains("Dana");
            }
        }
    }

    @Test
    void demoSwitchOffLeavesNoDemoAccountsEvenThoughTheBeansWereFixedWithItOn() throws Exception {
        String adminPassword = "Launch-check-" + Long.toHexString(System.nanoTime()) + "-ok";
        try (ChildApp app = ChildApp.startPrepared(appDir, jarName, workDir, "no-demo", Map.of(
                "spring.datasource.url", "jdbc:h2:mem:launch-nodemo;DB_CLOSE_DELAY=-1",
                "authpack.demo.enabled", "false",
                "authpack.bootstrap.admin-username", "first.admin",
                "authpack.bootstrap.admin-password", adminPassword))) {
            assertThat(send(app, "GET", "/api/v1/policies", "north.billing", null).statusCode()).isEqualTo(401);
            assertThat(sendAs(app, "/api/v1/policies", "first.admin", adminPassword).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void preparedJarRunsTheProductionProfileOnPostgresql() throws Exception {
        String adminPassword = "Launch-check-" + Long.toHexString(System.nanoTime()) + "-pg";
        try (ChildApp app = ChildApp.startPrepared(appDir, jarName, workDir, "postgres", Map.of(
                "spring.profiles.active", "postgres",
                "spring.datasource.url", EmbeddedPostgresForTests.newDatabase("launch"),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "authpack.bootstrap.admin-username", "first.admin",
                "authpack.bootstrap.admin-password", adminPassword,
                "logging.level.dev.authpack", "INFO"))) {
            assertThat(app.log()).contains("Starting AOT-processed AuthpackApplication")
                    .contains("The following 1 profile is active: \"postgres\"");
            assertThat(send(app, "GET", "/api/v1/policies", "north.billing", null).statusCode())
                    .as("no demo users under the production profile").isEqualTo(401);
            HttpResponse<String> policies = sendAs(app, "/api/v1/policies", "first.admin", adminPassword);
            assertThat(policies.statusCode()).isEqualTo(200);
            assertThat(policies.body()).contains("cigna-spravato");
        }
    }

    private HttpResponse<String> send(ChildApp app, String method, String path, String user, String json)
            throws IOException, InterruptedException {
        return http.send(request(app, method, path, user, json), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> sendAs(ChildApp app, String path, String user, String password)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(app.base() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(user, password)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(ChildApp app, String method, String path, String user, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.base() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(user, DEMO_PASSWORD));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String sample() throws IOException {
        try (InputStream in = ProductionLaunchIT.class.getResourceAsStream("/samples/01-complete-esketamine.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String firstId(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }
}

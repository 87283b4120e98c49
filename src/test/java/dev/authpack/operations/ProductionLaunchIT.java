package dev.authpack.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.ChildApp;
import dev.authpack.support.EmbeddedPostgresForTests;
import dev.authpack.support.FormClient;
import dev.authpack.support.PreparedJar;
import dev.authpack.support.Samples;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, prepared by {@code tools/launch/prepare.sh} and started the way docs/deploy.md
 * says production starts it: ahead-of-time bean definitions, the class-data archive, the flags of
 * {@code tools/launch/jvm.options}. Runs after {@code package} (Failsafe), as it needs the jar.
 */
class ProductionLaunchIT {

    @TempDir
    static Path workDir;

    @Test
    void preparedJarRunsAheadOfTimeAndMakesAPacketTheClinicCanOpen() throws Exception {
        try (ChildApp app = PreparedJar.get().start(workDir, "demo", Map.of(
                "spring.datasource.url", "jdbc:h2:mem:launch-demo;DB_CLOSE_DELAY=-1",
                "logging.level.dev.authpack", "INFO"))) {
            assertThat(app.log()).contains("Starting AOT-processed AuthpackApplication");
            ApiClient api = new ApiClient(app.port());

            Response created = api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine"));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            String caseId = created.json().get("id").asString();
            Response packet = api.post("/api/v1/cases/" + caseId + "/packet", "north.billing", new byte[0], null);
            assertThat(packet.status()).as(packet.text()).isEqualTo(201);

            Response pdf = api.get("/api/v1/documents/" + packet.json().get("id").asString(), "north.clinic");
            assertThat(pdf.status()).isEqualTo(200);
            try (PDDocument doc = Loader.loadPDF(pdf.body())) {
                assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(4);
                assertThat(new PDFTextStripper().getText(doc)).contains("Dana");
            }
        }
    }

    @Test
    void demoSwitchOffLeavesNoDemoAccountsAndTheFirstAdministratorSetsUpAClinicAndItsUsers() {
        String adminPassword = "Launch-check-" + Long.toHexString(System.nanoTime()) + "-ok";
        try (ChildApp app = PreparedJar.get().start(workDir, "no-demo", Map.of(
                "spring.datasource.url", "jdbc:h2:mem:launch-nodemo;DB_CLOSE_DELAY=-1",
                "authpack.demo.enabled", "false",
                "authpack.bootstrap.admin-username", "first.admin",
                "authpack.bootstrap.admin-password", adminPassword))) {
            ApiClient api = new ApiClient(app.port());
            assertThat(api.get("/api/v1/policies", "north.billing").status()).isEqualTo(401);
            assertThat(api.get("/api/v1/policies", "first.admin", adminPassword).status()).isEqualTo(200);

            // the first day on an empty database (README, docs/deploy.md): a clinic first, then its users
            FormClient admin = new FormClient(app.port()).signIn("first.admin", adminPassword);
            assertThat(admin.get("/admin/users").body()).contains("There are no clinics yet");
            assertThat(admin.submit("/admin/clinics", "/admin/clinics", "id", "lakeside", "name", "Lakeside Clinic")
                    .statusCode()).isEqualTo(302);
            String billingPassword = "Lakeside-billing-" + Long.toHexString(System.nanoTime());
            HttpResponse<String> user = admin.submit("/admin/users", "/admin/users", "username", "lake.billing",
                    "role", "BILLING", "clinicId", "lakeside", "password", billingPassword);
            assertThat(user.statusCode()).as(user.body()).isEqualTo(302);
            assertThat(admin.get("/admin/users").body()).doesNotContain("There are no clinics yet");
            assertThat(api.get("/api/v1/cases", "lake.billing", billingPassword).status()).isEqualTo(200);
        }
    }

    @Test
    void preparedJarRunsTheProductionProfileOnPostgresql() {
        String adminPassword = "Launch-check-" + Long.toHexString(System.nanoTime()) + "-pg";
        try (ChildApp app = PreparedJar.get().start(workDir, "postgres", Map.of(
                "spring.profiles.active", "postgres",
                "spring.datasource.url", EmbeddedPostgresForTests.newDatabase("launch"),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "authpack.bootstrap.admin-username", "first.admin",
                "authpack.bootstrap.admin-password", adminPassword,
                "logging.level.dev.authpack", "INFO"))) {
            assertThat(app.log()).contains("Starting AOT-processed AuthpackApplication")
                    .contains("The following 1 profile is active: \"postgres\"");
            ApiClient api = new ApiClient(app.port());
            assertThat(api.get("/api/v1/policies", "north.billing").status())
                    .as("no demo users under the production profile").isEqualTo(401);
            Response policies = api.get("/api/v1/policies", "first.admin", adminPassword);
            assertThat(policies.status()).isEqualTo(200);
            assertThat(policies.text()).contains("cigna-spravato");
        }
    }
}

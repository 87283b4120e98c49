package dev.authpack.policyupload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.AuthpackApplication;
import dev.authpack.completeness.CompletenessService;
import dev.authpack.content.ContentFingerprint;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Folders;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each case stores the {@code complete} and DRAFT/READY its last save computed; the case, the case list and the
 * worklist read them. A policy edited on disk between restarts left them as the old rules said (a case READY that
 * the checklist said did not meet the policy). The application is started three times on one H2 file and a copy
 * of the shipped templates: cases made, a policy edited so one case no longer meets it, started again (the case
 * says DRAFT everywhere, audited, shown on the Payer policies page), and started once more unchanged (nothing
 * judged again); then two starts at once on changed content judge once, and a start with no fingerprint recorded
 * (an upgrade) puts right a flag left stale.
 */
class ContentEditedBetweenRestartsTest {

    private static final String BILLING = "north.billing";
    private static final String ADMIN = "admin";

    @TempDir
    Path dir;

    @Test
    void aPolicyEditedBetweenRestartsJudgesTheStoredFlagsAgainOnceAndAnUnchangedRestartJudgesNothing() throws Exception {
        Path templates = copyOfShippedTemplates();
        String url = "jdbc:h2:file:" + dir.resolve("data").resolve("authpack") + ";AUTO_SERVER=FALSE;WRITE_DELAY=0";
        String meets;
        String neverDid;
        try (ConfigurableApplicationContext app = start(templates, url)) {
            ApiClient api = new ApiClient(port(app));
            meets = create(api, Samples.text("01-complete-esketamine"));
            neverDid = create(api, Samples.text("02-one-failed-trial"));
            Response packet = api.post("/api/v1/cases/" + meets + "/packet", BILLING, "");
            assertThat(packet.status()).as(packet.text()).isEqualTo(201);
            assertThat(PolicyUploadApiTest.storedFlags(api, meets)).isEqualTo("true READY true READY readyToSubmit");
            assertThat(PolicyUploadApiTest.storedFlags(api, neverDid)).isEqualTo("false DRAFT false DRAFT -");
            assertThat(rejudgedRows(app)).isEmpty();
        }

        // the administrator raises the number of failed trials the policy asks for, and restarts
        Path policy = templates.resolve("policies/esketamine-standard.yaml");
        String text = Files.readString(policy);
        assertThat(text).contains("    minFailedTrials: 2\n").contains("version: \"2026.1\"");
        Files.writeString(policy, text.replace("    minFailedTrials: 2\n", "    minFailedTrials: 3\n")
                .replace("version: \"2026.1\"", "version: \"2026.1-local\""));

        try (ConfigurableApplicationContext app = start(templates, url)) {
            ApiClient api = new ApiClient(port(app));
            assertThat(PolicyUploadApiTest.storedFlags(api, meets)).isEqualTo("false DRAFT false DRAFT -");
            assertThat(api.get("/api/v1/cases/" + meets + "/completeness", BILLING).json().get("complete").asBoolean())
                    .isFalse();
            assertThat(PolicyUploadApiTest.storedFlags(api, neverDid)).isEqualTo("false DRAFT false DRAFT -");
            assertThat(rejudgedRows(app)).singleElement().asString().matches("OK content=[0-9a-f]{16}->[0-9a-f]{16} "
                    + "judged=2 changed=1");
            assertThat(recomputed(app, meets)).singleElement().asString().endsWith(" complete=true->false");
            assertThat(recomputed(app, neverDid)).isEmpty();
            String page = new FormClient(port(app)).signIn(ADMIN, ApiClient.PASSWORD).get("/admin/policies").body();
            assertThat(page).contains("id=\"content-rejudged\"").contains("it judged all 2 cases again and changed "
                    + "the completeness (Draft or Ready) of 1.");
        }

        try (ConfigurableApplicationContext app = start(templates, url)) {
            ApiClient api = new ApiClient(port(app));
            assertThat(PolicyUploadApiTest.storedFlags(api, meets)).isEqualTo("false DRAFT false DRAFT -");
            assertThat(rejudgedRows(app)).hasSize(1);
            assertThat(recomputed(app, meets)).hasSize(1);

            // two instances starting at once on other content than the stored one: the row lock lets one judge
            app.getBean(JdbcTemplate.class).update("UPDATE content_judged SET fingerprint = 'another000000000' WHERE id = 1");
            ContentRejudge rejudge = app.getBean(ContentRejudge.class);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                List<Future<Optional<ContentRejudge.Change>>> starts = List.of(
                        two.submit(() -> { go.await(); return rejudge.judgeUnlessAnotherInstanceIs(); }),
                        two.submit(() -> { go.await(); return rejudge.judgeUnlessAnotherInstanceIs(); }));
                go.countDown();
                int judged = 0;
                for (Future<Optional<ContentRejudge.Change>> start : starts) {
                    judged += start.get(2, TimeUnit.MINUTES).isPresent() ? 1 : 0;
                }
                assertThat(judged).isEqualTo(1);
            } finally {
                two.shutdownNow();
            }
            assertThat(rejudgedRows(app)).hasSize(2).last().asString().endsWith(" judged=2 changed=0");

            // the first start of the release that records the fingerprint, on flags left stale under the older one
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            jdbc.update("UPDATE content_judged SET fingerprint = NULL WHERE id = 1");
            jdbc.update("UPDATE cases SET complete = TRUE, status = 'READY' WHERE id = ?", meets);
            assertThat(rejudge.judgeUnlessAnotherInstanceIs()).get().extracting(ContentRejudge.Change::flagsChanged)
                    .isEqualTo(1);
            assertThat(PolicyUploadApiTest.storedFlags(api, meets)).isEqualTo("false DRAFT false DRAFT -");
            assertThat(rejudgedRows(app)).hasSize(3).last().asString().matches("OK content=unrecorded->[0-9a-f]{16} "
                    + "judged=2 changed=1");
            // and once recorded with every flag agreeing, nothing is reported
            jdbc.update("UPDATE content_judged SET fingerprint = NULL WHERE id = 1");
            assertThat(rejudge.judgeUnlessAnotherInstanceIs()).isEmpty();
            assertThat(rejudgedRows(app)).hasSize(3);
        }
    }

    @Test
    void aReleaseWhoseRulesJudgeDifferentlyJudgesTheStoredFlagsAgainThoughNoFileChanged() throws Exception {
        Path templates = copyOfShippedTemplates();
        String url = "jdbc:h2:file:" + dir.resolve("data").resolve("authpack") + ";AUTO_SERVER=FALSE;WRITE_DELAY=0";
        try (ConfigurableApplicationContext app = start(templates, url)) {
            ApiClient api = new ApiClient(port(app));
            String meets = create(api, Samples.text("01-complete-esketamine"));
            assertThat(PolicyUploadApiTest.storedFlags(api, meets)).isEqualTo("true READY true READY -");

            // as the release before: the same files, its fingerprint of them, and a flag its rules computed otherwise
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            jdbc.update("UPDATE content_judged SET fingerprint = ? WHERE id = 1",
                    ContentFingerprint.of(templates, ContentRejudge.JUDGING_FOLDERS));
            jdbc.update("UPDATE cases SET complete = FALSE, status = 'DRAFT' WHERE id = ?", meets);

            assertThat(app.getBean(ContentRejudge.class).judgeUnlessAnotherInstanceIs()).get()
                    .extracting(ContentRejudge.Change::flagsChanged).isEqualTo(1);
            assertThat(PolicyUploadApiTest.storedFlags(api, meets)).isEqualTo("true READY true READY -");
            assertThat(recomputed(app, meets)).singleElement().asString().endsWith(" complete=false->true");
            // no file changed: the page must not say one did
            String page = new FormClient(port(app)).signIn(ADMIN, ApiClient.PASSWORD).get("/admin/policies").body();
            assertThat(page).contains("the service started with policy, drug catalog or code table files under templates/,"
                    + " or a release whose rules judge cases, other than those the cases were last judged with: it judged"
                    + " all 1 cases again");
        }
        assertThat(ContentRejudge.judging(templates, CompletenessService.RULES_REVISION))
                .isNotEqualTo(ContentRejudge.judging(templates, CompletenessService.RULES_REVISION + 1))
                .isEqualTo(ContentRejudge.judging(templates, CompletenessService.RULES_REVISION));
    }

    private static ConfigurableApplicationContext start(Path templates, String url) {
        return new SpringApplicationBuilder(AuthpackApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + url, "--authpack.templates.dir=" + templates,
                "--authpack.generation.warm-up-packets=0");
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static String create(ApiClient api, String json) {
        Response r = api.post("/api/v1/cases", BILLING, json);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asString();
    }


    private static List<String> rejudgedRows(ConfigurableApplicationContext app) {
        return app.getBean(JdbcTemplate.class).queryForList("SELECT outcome || ' ' || detail FROM audit_events "
                + "WHERE action = 'CONTENT_REJUDGED' ORDER BY id", String.class);
    }

    private static List<String> recomputed(ConfigurableApplicationContext app, String caseId) {
        return app.getBean(JdbcTemplate.class).queryForList("SELECT detail FROM audit_events "
                + "WHERE action = 'CASE_COMPLETENESS_RECOMPUTED' AND case_id = ? ORDER BY id", String.class, caseId);
    }

    private Path copyOfShippedTemplates() throws IOException {
        return Folders.copy(Path.of("templates"), dir.resolve("templates"));
    }
}

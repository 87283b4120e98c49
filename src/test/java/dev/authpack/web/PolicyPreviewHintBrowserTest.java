package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import dev.authpack.support.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An administrator previews a payer's new policy version before putting it in use. A version that changed no
 * open case was previewed as "No open case changes under this version." followed by "These open cases would
 * change. Put the version in use with the button below": which was it? The hint now follows the impact.
 */
@BrowserServiceTest
class PolicyPreviewHintBrowserTest {

    private static final Path SHIPPED = Path.of("templates/policies/esketamine-standard.yaml");

    @LocalServerPort
    int port;
    Browser browser;
    @TempDir
    Path dir;

    @Test
    void aPreviewThatChangesNoOpenCaseDoesNotSayThatOpenCasesWouldChange() throws IOException {
        // in force from a day no open case starts on or after: it changes none
        Path later = policyFile("2099-01-01", 15);
        // the sample's PHQ-9 of 22 no longer reaches a threshold of 23 from the sample's start date on
        ApiClient.Response created = new ApiClient(port).post("/api/v1/cases", LifecycleHttp.BILLING,
                Samples.text("01-complete-esketamine"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        Path stricter = policyFile(Samples.tree("01-complete-esketamine").get("request").get("startDate").asString(), 23);

        browser.logIn("admin", BillingDeskJourneyTest.PASSWORD);
        preview(later);
        assertThat(browser.find(By.cssSelector("#policy-preview")).getText())
                .contains("No open case changes under this version.")
                .doesNotContain("These open cases would change");
        assertThat(browser.find(By.id("policy-preview-hint")).getText())
                .isEqualTo("No open case would change. Put the version in use with the button below, or choose another file.");

        preview(stricter);
        assertThat(browser.find(By.cssSelector("#policy-preview table.impact")).getText())
                .contains(created.json().get("id").asString());
        assertThat(browser.find(By.id("policy-preview-hint")).getText())
                .isEqualTo("These open cases would change. Put the version in use with the button below, or choose another file.");
    }

    /** The shipped policy as a new version in force from {@code effectiveFrom}, with a PHQ-9 threshold of {@code phq9}. */
    private Path policyFile(String effectiveFrom, int phq9) throws IOException {
        String yaml = Files.readString(SHIPPED)
                .replaceFirst("(?m)^version: .*$", "version: \"preview-" + UUID.randomUUID().toString().substring(0, 8)
                        + "\"\neffectiveFrom: " + effectiveFrom)
                .replaceFirst("(?m)^(\\s+PHQ9:) \\d+", "$1 " + phq9);
        Path file = Files.createDirectory(dir.resolve(UUID.randomUUID().toString())).resolve(SHIPPED.getFileName());
        Files.writeString(file, yaml);
        return file;
    }

    private void preview(Path file) {
        browser.go("/admin/policies");
        browser.find(By.id("policy-file")).sendKeys(file.toAbsolutePath().toString());
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("button[name='preview']")));
    }
}

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
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An administrator previewing a version that asks for three failed trials instead of two read, for the open case it
 * would flip, "incomplete: FAILED_TRIALS": the criterion's id in the code, not its name in the checklist the billing
 * clerk will read on the case ("Failed antidepressant trials"). The page now uses the checklist's words.
 */
@BrowserServiceTest
class PolicyImpactInTheChecklistsWordsBrowserTest {

    private static final Path SHIPPED = Path.of("templates/policies/esketamine-standard.yaml");

    @LocalServerPort
    int port;
    Browser browser;
    @TempDir
    Path dir;

    @Test
    void thePreviewSaysWhatAFlippedCaseLacksAsItsChecklistNamesIt() throws IOException {
        ApiClient.Response created = new ApiClient(port).post("/api/v1/cases", LifecycleHttp.BILLING,
                Samples.text("01-complete-esketamine"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String caseId = created.json().get("id").asString();
        // in force from the sample's start date, so the case is judged by it; a preview stores nothing
        String yaml = Files.readString(SHIPPED)
                .replaceFirst("(?m)^version: .*$", "version: \"trials-" + UUID.randomUUID().toString().substring(0, 8)
                        + "\"\neffectiveFrom: " + Samples.tree("01-complete-esketamine").get("request").get("startDate").asString())
                .replaceFirst("(?m)^(\\s+minFailedTrials:) \\d+", "$1 3");
        Path file = dir.resolve("esketamine-standard.yaml");
        Files.writeString(file, yaml);
        browser.logIn("admin", BillingDeskJourneyTest.PASSWORD);
        browser.go("/admin/policies");
        browser.find(By.id("policy-file")).sendKeys(file.toAbsolutePath().toString());

        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("button[name='preview']")));

        WebElement row = browser.find(By.xpath("//table[contains(@class,'impact')]//tr[td[1]='" + caseId + "']"));
        assertThat(row.findElements(By.tagName("td")).get(3).getText())
                .isEqualTo("incomplete: Failed antidepressant trials");
    }
}

package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import dev.authpack.support.Samples;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * Someone else saved the case while the clerk edited it: Save is refused and the page offers "Open the latest
 * version (your unsaved changes here will be lost)". That link opened the form with the browser's draft of
 * the refused form put back over the latest version, its old version included: the clerk saw their own
 * values, not the latest, and Save was refused again (or, once they typed, would overwrite the other save).
 */
@BrowserServiceTest
class ConflictOpenLatestVersionBrowserTest {

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void openTheLatestVersionShowsTheOtherSaveAndSavingItIsNotRefused() {
        ApiClient api = new ApiClient(port);
        String id = new LifecycleHttp(api).newCase();
        browser.logIn(LifecycleHttp.BILLING, "demo-pass-2026");
        browser.go("/cases/" + id + "/edit");
        WebElement facility = browser.byName("facility.name");
        facility.clear();
        facility.sendKeys("Mine Annex");

        ObjectNode other = (ObjectNode) api.get("/api/v1/cases/" + id, LifecycleHttp.BILLING).json();
        ((ObjectNode) other.get("prescriber")).put("phone", "555-0123");
        assertThat(api.put("/api/v1/cases/" + id, LifecycleHttp.BILLING, Samples.json(other)).status()).isEqualTo(200);
        save();
        WebElement latest = browser.find(By.partialLinkText("Open the latest version"));

        browser.clickAndWaitForNextPage(latest);

        assertThat(browser.path()).isEqualTo("/cases/" + id + "/edit");
        assertThat(browser.byName("prescriber.phone").getDomProperty("value")).as("the other save").isEqualTo("555-0123");
        assertThat(browser.byName("facility.name").getDomProperty("value")).as("as saved, not the refused form")
                .isEqualTo(other.at("/facility/name").asString());
        assertThat(browser.find(By.id("draft-restored")).isDisplayed()).isFalse();
        save();
        assertThat(browser.path()).as("saved, not refused again").isEqualTo("/cases/" + id);
        assertThat(api.get("/api/v1/cases/" + id, LifecycleHttp.BILLING).json().at("/prescriber/phone").asString())
                .isEqualTo("555-0123");
    }

    private void save() {
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#case-form > .toolbar button")));
    }
}

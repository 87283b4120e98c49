package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A billing clerk makes a Spanish estimate on the case page, for a patient who reads Spanish. The page that
 * comes back, and the case page after a fix to the case, still have Spanish chosen for the next estimate:
 * the choice went back to English, so the next one was made in English unless the clerk noticed. A case
 * with no estimate offers English; choosing English again keeps English.
 */
@BrowserServiceTest
class EstimateLanguageStaysChosenBrowserTest {

    static final String PASSWORD = "demo-pass-2026";

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void aSpanishEstimateLeavesSpanishChosenForTheNextOneAlsoAfterTheCaseIsSavedAgain() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.newCase();
        String other = lifecycle.newCase();

        browser.logIn(LifecycleHttp.BILLING, PASSWORD);
        browser.go("/cases/" + id);
        assertThat(chosen()).as("no estimate yet").isEqualTo("en");
        new Select(browser.find(By.id("estimate-lang"))).selectByValue("es");
        browser.clickAndWaitForNextPage(browser.find(By.id("generate-estimate")));

        assertThat(browser.path()).isEqualTo("/cases/" + id);
        assertThat(browser.find(By.cssSelector("#document-list tr[data-kind='ESTIMATE']")).getText()).contains("Spanish");
        assertThat(chosen()).as("after the Spanish estimate is made").isEqualTo("es");

        // a fix to the case: the form saved, back on the case page
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("a[href='/cases/" + id + "/edit']")));
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#case-form .toolbar button.primary")));
        assertThat(browser.path()).isEqualTo("/cases/" + id);
        assertThat(chosen()).as("after a fix, for the next estimate").isEqualTo("es");

        browser.go("/cases/" + other);
        assertThat(chosen()).as("another case, without an estimate").isEqualTo("en");

        browser.go("/cases/" + id);
        new Select(browser.find(By.id("estimate-lang"))).selectByValue("en");
        browser.clickAndWaitForNextPage(browser.find(By.id("generate-estimate")));
        assertThat(chosen()).as("English chosen again").isEqualTo("en");
    }

    /** The language the estimate form would send. */
    private String chosen() {
        return new Select(browser.find(By.id("estimate-lang"))).getFirstSelectedOption().getDomProperty("value");
    }
}

package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import java.net.URI;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Start reauthorization" answered "add the new scores, then generate its packet" with no way there: the clerk
 * pressed Edit, landed at the top of the form and scrolled two screens to the scores. The message now links to
 * the form opened at its scores, in view.
 */
@BrowserServiceTest
class RenewalLeadsToTheScoresBrowserTest {

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void startingARenewalLinksToTheNewCasesFormOpenedAtItsScoresInView() {
        String approved = new LifecycleHttp(new ApiClient(port)).approvedCase(LocalDate.now().minusDays(10), 8);
        browser.logIn(LifecycleHttp.BILLING, "demo-pass-2026");
        browser.go("/cases/" + approved);
        browser.clickAndWaitForNextPage(browser.find(By.id("start-reauthorization")));
        String renewal = browser.path();
        assertThat(renewal).matches("/cases/[0-9a-f-]{36}").isNotEqualTo("/cases/" + approved);
        assertThat(browser.find(By.id("renewal-created")).getText())
                .startsWith("The reauthorization case was created: add the new scores");

        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#renewal-created a")));
        URI at = URI.create(browser.driver().getCurrentUrl());
        assertThat(at.getPath()).isEqualTo(renewal + "/edit");
        assertThat(at.getFragment()).isEqualTo("assessments");
        WebElement scores = browser.find(By.cssSelector("#assessments > legend"));
        assertThat(scores.getText()).isNotBlank();
        Object inView = ((JavascriptExecutor) browser.driver()).executeScript(
                "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
                scores);
        assertThat(inView).as("the form's scores in view without scrolling").isEqualTo(true);
        assertThat(browser.find(By.cssSelector("[data-add-row='assessments']")).isDisplayed()).isTrue();
    }
}

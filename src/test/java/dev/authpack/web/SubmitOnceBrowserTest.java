package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A form that records or creates something is sent once: once it is on its way its buttons are
 * disabled, so a double click does not record a session twice or make two cases. The sending itself
 * is stopped in these tests (a listener after the page's own), so what they see is the page script's
 * state between the press and the next page, which a real submission would leave too quickly to see.
 */
@BrowserServiceTest
class SubmitOnceBrowserTest {

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void theCaseFormsSaveButtonIsDisabledOnceTheFormIsOnItsWay() {
        browser.logIn("north.billing", "demo-pass-2026");
        browser.go("/cases/new");
        WebElement save = browser.find(By.cssSelector("#case-form > .toolbar button"));

        holdSubmissions();
        save.click();

        assertThat(disabledSoon(save)).as("save after one press").isTrue();
    }

    @Test
    void theSessionGivenButtonIsDisabledOnceItsFormIsOnItsWay() {
        String id = new LifecycleHttp(new ApiClient(port)).approvedCase(LocalDate.now().minusDays(5), 8);
        browser.logIn("north.billing", "demo-pass-2026");
        browser.go("/cases/" + id);
        WebElement form = browser.find(By.id("event-form-SESSION_GIVEN"));
        js().executeScript("arguments[0].closest('details').open = true", form);
        WebElement record = form.findElement(By.cssSelector("button[type=submit]"));

        holdSubmissions();
        record.click();

        assertThat(disabledSoon(record)).as("record after one press").isTrue();
    }

    @Test
    void aFormStoppedBeforeSendingKeepsItsButtons() {
        browser.logIn("north.billing", "demo-pass-2026");
        browser.go("/cases/new");
        WebElement save = browser.find(By.cssSelector("#case-form > .toolbar button"));
        // stopped before the page's own listener, as the upload's size check does
        js().executeScript("document.addEventListener('submit', function (e) { e.preventDefault(); }, true)");

        save.click();

        assertThat(disabledSoon(save)).isFalse();
    }

    /** Lets the page's own submit listener run, then stops the browser from sending. */
    private void holdSubmissions() {
        js().executeScript("window.addEventListener('submit', function (e) { e.preventDefault(); })");
    }

    /** The button's state once the page script's deferred work has run. */
    private boolean disabledSoon(WebElement button) {
        Object disabled = js().executeAsyncScript(
                "var b = arguments[0], done = arguments[1]; setTimeout(function () { done(b.disabled); }, 50);", button);
        return Boolean.TRUE.equals(disabled);
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver();
    }
}

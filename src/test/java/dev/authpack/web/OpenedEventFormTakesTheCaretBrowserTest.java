package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Recording a payer's answer: the clerk opened "Denied" (or "Approved") and the caret stayed on the summary, the
 * date already today's, the reason to type below the fold at 1280×1024: one more click, or a scroll and a click.
 * An event form opened by a click or a key now puts the caret in the field after the date, scrolled into view.
 */
@BrowserServiceTest
class OpenedEventFormTakesTheCaretBrowserTest {

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void openingAnEventFormPutsTheCaretInTheFieldAfterTheDateInView() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String submitted = lifecycle.caseWithPacket();
        lifecycle.ok(submitted, LifecycleHttp.submitted(LocalDate.now(ZoneOffset.UTC).minusDays(3)));
        browser.logIn(LifecycleHttp.BILLING, "demo-pass-2026");
        browser.go("/cases/" + submitted);

        summary("Denied").click();
        WebElement reason = browser.find(By.id("DENIED-reason"));
        assertThat(caretOn(reason)).as("the caret after opening Denied").isTrue();
        assertInView(reason, "the denial reason");

        summary("Approved").sendKeys(Keys.ENTER);
        assertThat(caretOn(browser.find(By.id("APPROVED-authorizationNumber")))).as("the caret after opening Approved with Enter")
                .isTrue();

        // typed straight in, the denial is recorded
        summary("Approved").click();
        summary("Denied").click();
        summary("Denied").click();
        assertThat(caretOn(reason)).as("the caret after opening Denied again").isTrue();
        browser.driver().switchTo().activeElement().sendKeys("Two adequate trials are not documented.");
        browser.clickAndWaitForNextPage(browser.find(By.id("record-DENIED")));
        assertThat(browser.find(By.id("auth-denial")).getText()).isEqualTo("Two adequate trials are not documented.");
    }

    /** Whether the caret is on {@code element} (within a second: the page script moves it once the form is open). */
    private boolean caretOn(WebElement element) {
        try {
            return new WebDriverWait(browser.driver(), Duration.ofSeconds(1))
                    .until(d -> d.switchTo().activeElement().equals(element));
        } catch (TimeoutException e) {
            return false;
        }
    }

    private WebElement summary(String text) {
        return browser.find(By.xpath("//details[contains(@class,'event-form')]/summary[.='" + text + "']"));
    }

    private void assertInView(WebElement element, String what) {
        Object inView = ((JavascriptExecutor) browser.driver()).executeScript(
                "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
                element);
        assertThat(inView).as("%s in view without scrolling", what).isEqualTo(true);
    }
}

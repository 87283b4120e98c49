package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A clerk who saves a complete case lands on its page and presses Generate packet next: after every save, fix
 * and renewal. The button sat below "Which payers would say yes", which judges the case against every policy
 * covering its treatment (ten for esketamine) and ran to about 3,000 pixels: three screens of scrolling each
 * time. Documents now come before that comparison, within reach of the checklist's verdict.
 */
@BrowserServiceTest
class GeneratePacketInViewBrowserTest {

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void generatePacketOfACompleteCaseIsWithinTwoScreensOfTheTopAndBeforeThePayerComparison() {
        String id = new LifecycleHttp(new ApiClient(port)).newCase();
        browser.logIn(LifecycleHttp.BILLING, "demo-pass-2026");
        browser.go("/cases/" + id);
        assertThat(browser.find(By.id("checklist-verdict")).getText()).startsWith("Complete");
        assertThat(browser.driver().findElements(By.cssSelector("#policy-comparison .policy-verdicts > li")))
                .as("the comparison this is measured against").hasSizeGreaterThanOrEqualTo(8);

        double button = top("generate-packet");
        assertThat(button).as("Generate packet before the payer comparison").isLessThan(top("policy-comparison"));
        assertThat(button).as("Generate packet, pixels from the top of a %s window", Browser.WINDOW)
                .isLessThan(2.0 * Browser.WINDOW.height);
    }

    /** The element's distance from the top of the page, in CSS pixels. */
    private double top(String id) {
        Object y = ((JavascriptExecutor) browser.driver()).executeScript(
                "return arguments[0].getBoundingClientRect().top + window.scrollY;", browser.find(By.id(id)));
        return ((Number) y).doubleValue();
    }
}

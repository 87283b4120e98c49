package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Browser tests share their Chromium, one test after another ({@link Browser#giveBack}): what a test leaves
 * in it — a signed-in session, a draft in local storage, a second tab, a phone-sized or emulated screen —
 * would otherwise change what the next test sees, and a test that passes alone could fail after another.
 */
@BrowserServiceTest
class BrowserResetTest {

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void aBrowserEmptiedForTheNextTestHasNoSessionNoStoredDataOneTabAndTheStandardWindow() {
        browser.logIn("north.billing", BillingDeskJourneyTest.PASSWORD);
        assertThat(browser.path()).isEqualTo("/worklist");
        js("localStorage.setItem('authpack.draft.north.billing.new', '{\"facility.name\":\"Left behind\"}');"
                + "sessionStorage.setItem('left', 'behind');");
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.go("/cases");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 320, "height", 640, "deviceScaleFactor", 1, "mobile", false));

        browser.reset();

        assertThat(browser.driver().getWindowHandles()).hasSize(1);
        assertThat(browser.driver().getCurrentUrl()).isEqualTo("about:blank");
        assertThat(browser.driver().manage().window().getSize()).isEqualTo(Browser.WINDOW);
        browser.go("/cases");
        assertThat(browser.path()).as("signed out").isEqualTo("/login");
        assertThat(js("return window.innerWidth;")).as("no emulated screen").isEqualTo((long) Browser.WINDOW.width);
        assertThat(js("return localStorage.length + sessionStorage.length;")).as("stored items").isEqualTo(0L);
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }
}

package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Generate appeal packet" sits in the case page's Authorization section, above the Appealed form the clerk fills in
 * once the packet is sent; the page came back at Documents, a screen and a half further down, with the link to the
 * packet there, and the clerk scrolled back up to record the appeal. It now comes back at Authorization with the link
 * beside the button, focused, and the Appealed form below it in view.
 */
@BrowserServiceTest
class AppealPacketBesideTheAppealFormBrowserTest {

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void theAppealPacketJustMadeIsOfferedBesideItsButtonWithTheAppealedFormInView() {
        ApiClient api = new ApiClient(port);
        LifecycleHttp lifecycle = new LifecycleHttp(api);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String denied = lifecycle.deniedCase(today.minusDays(12), today.minusDays(1),
                "Two adequate trials are not documented.");
        browser.logIn(LifecycleHttp.BILLING, "demo-pass-2026");
        browser.go("/cases/" + denied + "#authorization");

        browser.clickAndWaitForNextPage(browser.find(By.id("generate-appeal")));

        assertThat(URI.create(browser.driver().getCurrentUrl()).getFragment()).isEqualTo("authorization");
        WebElement link = browser.find(By.cssSelector("#authorization #new-document"));
        String made = api.get("/api/v1/cases/" + denied + "/documents", LifecycleHttp.BILLING).json().get(0).get("id").asString();
        assertThat(link.getAttribute("href")).endsWith("/documents/" + made);
        assertThat(link.getText()).isEqualTo("Download the appeal packet you just made");
        assertThat(browser.driver().switchTo().activeElement()).as("focus on the link to the packet").isEqualTo(link);
        assertInView(link, "the link to the appeal packet");
        assertInView(browser.find(By.id("record-APPEALED")), "the Appealed form's button");
        assertThat(browser.driver().findElements(By.cssSelector("#documents #new-document")))
                .as("the link offered once, not again under Documents").isEmpty();

        // on a phone the form is below, one scroll away, but the link is where the page opens
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.go("/cases/" + denied + "#authorization");
        browser.clickAndWaitForNextPage(browser.find(By.id("generate-appeal")));
        assertInView(browser.find(By.cssSelector("#authorization #new-document")), "the link to the appeal packet (390 px)");
    }

    private void assertInView(WebElement element, String what) {
        Object inView = ((JavascriptExecutor) browser.driver()).executeScript(
                "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
                element);
        assertThat(inView).as("%s in view without scrolling", what).isEqualTo(true);
    }
}

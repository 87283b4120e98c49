package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Clinic staff fetching the appeal packet of a denied case open it from the start page's "Appeals due", which opens
 * the case at Authorization, beside the denial. The packet was only in the Documents table below: in view at
 * 1280×1024, but four screens further down on a phone. Authorization now links the latest appeal packet itself.
 */
@BrowserServiceTest
class AppealPacketFoundBesideTheDenialBrowserTest {

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void theLatestAppealPacketIsLinkedBesideTheDenialWhereTheStartPageOpensTheCase() {
        ApiClient api = new ApiClient(port);
        LifecycleHttp lifecycle = new LifecycleHttp(api);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String denied = lifecycle.deniedCase(today.minusDays(12), today.minusDays(1),
                "Two adequate trials are not documented.");
        assertThat(api.post("/api/v1/cases/" + denied + "/appeal-packet", LifecycleHttp.BILLING, "").status()).isEqualTo(201);
        ApiClient.Response latest = api.post("/api/v1/cases/" + denied + "/appeal-packet", LifecycleHttp.BILLING, "");
        assertThat(latest.status()).isEqualTo(201);
        String appeal = latest.json().get("id").asString();
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.logIn(LifecycleHttp.CLINIC, "demo-pass-2026");

        browser.clickAndWaitForNextPage(StartPageRows.row(browser, "appealDue", denied).findElement(By.tagName("a")));

        WebElement link = browser.find(By.cssSelector("#authorization #latest-appeal-packet a"));
        assertThat(link.getAttribute("href")).as("the latest of the two").endsWith("/documents/" + appeal);
        assertThat(link.getText()).startsWith("Download the latest appeal packet (made ");
        assertInView(link, "the appeal packet's link at 390 px");
        HttpResponse<byte[]> pdf = browser.download(link.getAttribute("href"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
    }

    private void assertInView(WebElement element, String what) {
        Object inView = ((JavascriptExecutor) browser.driver()).executeScript(
                "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
                element);
        assertThat(inView).as("%s in view without scrolling", what).isEqualTo(true);
    }
}

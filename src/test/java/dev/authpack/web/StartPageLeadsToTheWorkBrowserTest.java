package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import dev.authpack.support.Samples;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The start page names what each case needs ("The checklist still lacks something", "Complete: generate the
 * packet", "not yet submitted"), and its patient link opened the case at the top: the clerk then scrolled to
 * the checklist's Fix links (a screen down) or to Generate packet (three). The link now opens the case where
 * that work is, with it in view.
 */
@BrowserServiceTest
class StartPageLeadsToTheWorkBrowserTest {

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void eachStartPageLinkOpensTheCaseAtTheWorkItsReasonNamesWithItInView() {
        ApiClient api = new ApiClient(port);
        LifecycleHttp lifecycle = new LifecycleHttp(api);
        ApiClient.Response created = api.post("/api/v1/cases", LifecycleHttp.BILLING, Samples.text("02-one-failed-trial"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String incomplete = created.json().get("id").asString();
        String withoutPacket = lifecycle.newCase();
        String ready = lifecycle.caseWithPacket();
        browser.logIn(LifecycleHttp.BILLING, "demo-pass-2026");

        open("toFinish", incomplete, "checklist");
        assertThat(browser.find(By.id("checklist-verdict")).getText()).isEqualTo("Not complete yet.");
        assertInView(browser.find(By.cssSelector("#checklist a[href*='/edit#']")), "the checklist's Fix link");

        open("toFinish", withoutPacket, "documents");
        assertInView(browser.find(By.id("generate-packet")), "Generate packet");

        open("readyToSubmit", ready, "authorization");
        assertInView(browser.find(By.xpath(
                "//details[contains(@class,'event-form')]/summary[.='Submitted to the payer']")), "Submitted to the payer");
    }

    /** Follows the case's patient link on the start page list and checks the case opened at {@code place}. */
    private void open(String list, String caseId, String place) {
        WebElement link = StartPageRows.row(browser, list, caseId).findElement(By.tagName("a"));
        browser.clickAndWaitForNextPage(link);
        URI at = URI.create(browser.driver().getCurrentUrl());
        assertThat(at.getPath()).isEqualTo("/cases/" + caseId);
        assertThat(at.getFragment()).as("where the %s link opens the case", list).isEqualTo(place);
    }

    private void assertInView(WebElement element, String what) {
        Object inView = ((JavascriptExecutor) browser.driver()).executeScript(
                "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
                element);
        assertThat(inView).as("%s in view without scrolling", what).isEqualTo(true);
    }
}

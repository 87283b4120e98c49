package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The session ends while the clerk types a new case for a policy that reads members of its own (Medical
 * Mutual: the indication, other current treatments as boxes to tick). Save goes through sign-in and back to
 * the form, which puts back what was typed from the browser's draft: those members too, ticks included,
 * shown as choosing the policy shows them. They were lost: the draft kept a box's value whether ticked or not,
 * and the members of the policy were not in the form (a template) when the draft was put back.
 */
@BrowserServiceTest
class DraftKeepsPolicyFieldsBrowserTest {

    static final String PASSWORD = "demo-pass-2026";

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void afterTheSessionEndsTheFormPutsBackThePolicysOwnMembersAndTheTickedBoxes() {
        browser.logIn("north.billing", PASSWORD);
        browser.go("/cases/new");
        new Select(browser.find(By.id("policyId"))).selectByValue("medical-mutual-spravato");
        browser.byName("patient.lastName").sendKeys("Draftticks");
        new Select(browser.byName("request.indication")).selectByValue("MDSI");
        box("TMS").click();
        box("VNS").click();

        browser.driver().manage().deleteCookieNamed("JSESSIONID");
        save();
        assertThat(browser.path()).isEqualTo("/login");
        browser.byName("username").sendKeys("north.billing");
        browser.byName("password").sendKeys(PASSWORD);
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.login-form button[type=submit]")));

        assertThat(browser.path()).isEqualTo("/cases/new");
        assertThat(browser.find(By.id("draft-restored")).getText()).contains("not saved yet");
        assertThat(browser.byName("patient.lastName").getDomProperty("value")).isEqualTo("Draftticks");
        WebElement indication = browser.byName("request.indication");
        assertThat(indication.isDisplayed()).as("the policy's own member is in the form and shown").isTrue();
        assertThat(indication.getDomProperty("value")).isEqualTo("MDSI");
        assertThat(browser.driver().findElements(By.name("screening.concurrentTherapies")).stream()
                .filter(WebElement::isSelected).map(b -> b.getDomProperty("value")).toList())
                .as("the boxes ticked, and only those").containsExactly("TMS", "VNS");

        save();
        assertThat(browser.path()).matches("/cases/[0-9a-f-]{36}");
        var saved = new ApiClient(port).get("/api/v1/cases/" + browser.path().substring("/cases/".length()),
                "north.billing").json();
        assertThat(saved.at("/request/indication").asString()).isEqualTo("MDSI");
        assertThat(List.of(saved.at("/screening/concurrentTherapies").get(0).asString(),
                saved.at("/screening/concurrentTherapies").get(1).asString())).containsExactly("TMS", "VNS");
    }

    private WebElement box(String value) {
        return browser.find(By.cssSelector("input[name='screening.concurrentTherapies'][value='" + value + "']"));
    }

    private void save() {
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#case-form > .toolbar button")));
        // other tests may have left an open case of the same patient: the form then asks first
        if (!browser.driver().findElements(By.id("duplicate-confirm")).isEmpty()) {
            browser.clickAndWaitForNextPage(browser.find(By.id("duplicate-confirm")));
        }
    }
}

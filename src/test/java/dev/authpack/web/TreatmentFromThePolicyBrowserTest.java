package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Nine of the twelve policies cover esketamine only, yet a new case's treatment started "(not recorded)" whichever
 * policy the clerk chose at the top of the form: one more choice three screens down, and, when forgotten, a case
 * that fails "Covered treatment" and a second trip through the form. Choosing such a policy now fills an empty
 * treatment with the one it covers; a treatment the clerk chose, or a policy covering more than one, is left alone.
 */
@BrowserServiceTest
class TreatmentFromThePolicyBrowserTest {

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void choosingAPolicyThatCoversOneTreatmentFillsTheEmptyTreatmentWithItAndItIsSaved() {
        browser.logIn("north.billing", "demo-pass-2026");
        browser.go("/cases/new");
        assertThat(treatment()).as("a new case's treatment").isEmpty();

        new Select(browser.find(By.id("policyId"))).selectByValue("cigna-spravato");
        assertThat(treatment()).isEqualTo("ESKETAMINE");

        browser.byName("patient.lastName").sendKeys("Treatmentfill");
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#case-form > .toolbar button")));
        assertThat(browser.path()).matches("/cases/[0-9a-f-]{36}");
        var saved = new ApiClient(port).get("/api/v1/cases/" + browser.path().substring("/cases/".length()),
                "north.billing").json();
        assertThat(saved.at("/request/treatment").asString()).isEqualTo("ESKETAMINE");
    }

    @Test
    void aTreatmentTheClerkChoseAndAPolicyCoveringMoreThanOneLeaveTheTreatmentAsItIs() {
        browser.logIn("north.billing", "demo-pass-2026");
        browser.go("/cases/new");
        Select policy = new Select(browser.find(By.id("policyId")));
        policy.selectByValue("self-pay");
        assertThat(treatment()).as("self-pay covers IV ketamine and esketamine").isEmpty();

        new Select(browser.byName("request.treatment")).selectByValue("KETAMINE_IV");
        policy.selectByValue("cigna-spravato");
        assertThat(treatment()).as("the clerk's choice, even one the policy does not cover").isEqualTo("KETAMINE_IV");
    }

    private String treatment() {
        return new Select(browser.byName("request.treatment")).getFirstSelectedOption().getDomAttribute("value");
    }
}

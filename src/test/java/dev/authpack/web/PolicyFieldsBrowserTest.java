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
 * The page script behind the policy-dependent members, in Chromium: choosing a policy puts in the
 * members it reads with its own help beside them, a member the clerk filled stays when another
 * policy is chosen, and what was put in is saved.
 */
@BrowserServiceTest
class PolicyFieldsBrowserTest {

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void choosingAPolicyPutsInTheMembersItReadsWithItsHelpAndAFilledMemberIsSaved() {
        browser.logIn("north.billing", "demo-pass-2026");
        browser.go("/cases/new");
        Select policy = new Select(browser.find(By.id("policyId")));
        policy.selectByValue("esketamine-standard");
        assertThat(named("screening.psychosisRiskAttested")).as("not read by esketamine-standard").isEmpty();

        policy.selectByValue("cigna-spravato");
        WebElement attested = named("screening.psychosisRiskAttested").get(0);
        assertThat(attested.isDisplayed()).isTrue();
        assertThat(visibleHelp("screening.psychosisRiskAttested")).singleElement().asString()
                .contains("psychotic features");
        new Select(attested).selectByValue("true");

        policy.selectByValue("qualchoice-spravato");
        assertThat(named("request.concurrentAntidepressant.drug")).singleElement()
                .satisfies(e -> assertThat(e.isDisplayed()).isTrue());
        assertThat(visibleHelp("request.concurrentAntidepressant")).singleElement().asString()
                .contains("oral antidepressant");
        assertThat(attested.isDisplayed()).as("a member the clerk answered stays on the page").isTrue();
        assertThat(visibleHelp("screening.psychosisRiskAttested")).as("only the chosen policy's help shows").isEmpty();

        browser.byName("patient.lastName").sendKeys("Testcase");
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#case-form > .toolbar button")));
        assertThat(browser.path()).matches("/cases/[0-9a-f-]{36}");
        String id = browser.path().substring("/cases/".length());
        var saved = new ApiClient(port).get("/api/v1/cases/" + id, "north.billing").json();
        assertThat(saved.at("/policyId").asString()).isEqualTo("qualchoice-spravato");
        assertThat(saved.at("/screening/psychosisRiskAttested").asBoolean()).isTrue();
    }

    private List<WebElement> named(String name) {
        return browser.driver().findElements(By.name(name));
    }

    private List<String> visibleHelp(String member) {
        return browser.driver().findElements(By.cssSelector("[data-policy-field='" + member + "'] [data-help-for]")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }
}

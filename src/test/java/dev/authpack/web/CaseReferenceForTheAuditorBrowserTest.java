package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import dev.authpack.support.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Who saw this patient's packet last week?" The audit log shows no patient names and finds a case by its id or
 * its reference (the eight characters it names cases by), so the clinic must tell the auditor which case; the
 * case page, where the clinic has the patient, showed neither (only the address bar held the id). It now shows
 * the case reference, and that reference typed into the log's Case filter finds the case's events.
 */
@BrowserServiceTest
class CaseReferenceForTheAuditorBrowserTest {

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void theReferenceOnTheCasePageFindsWhoOpenedTheCaseInTheAuditLog() {
        ApiClient.Response created = new ApiClient(port).post("/api/v1/cases", LifecycleHttp.BILLING,
                Samples.text("01-complete-esketamine"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String caseId = created.json().get("id").asString();

        browser.logIn(LifecycleHttp.CLINIC, BillingDeskJourneyTest.PASSWORD);
        browser.go("/cases/" + caseId);
        String reference = browser.find(By.id("case-ref")).getText();
        assertThat(reference).isEqualTo(caseId.substring(0, 8));
        browser.logOut();

        browser.logIn("admin", BillingDeskJourneyTest.PASSWORD);
        browser.go("/admin/audit");
        browser.find(By.id("f-case")).sendKeys(reference);
        new Select(browser.find(By.id("f-lists"))).selectByValue("exclude");
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.audit-filters button[type=submit]")));
        List<WebElement> opened = browser.driver().findElements(By.cssSelector("table.audit tr[data-action='CASE_READ']"));
        assertThat(opened).as("the clinic's opening of the case, found by the reference its page shows").hasSize(1);
        assertThat(opened.get(0).findElement(By.className("who")).getText()).contains(LifecycleHttp.CLINIC);
        assertThat(opened.get(0).findElement(By.className("target")).getText()).startsWith("case " + reference);
    }
}

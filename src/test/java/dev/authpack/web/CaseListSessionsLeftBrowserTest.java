package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import dev.authpack.support.Samples;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * Clinic staff asked "which of these patients have an approval, and how many sessions are left" filter the case
 * list by "Approved": it said "Approved" and no more, so the count was one case page per patient (a page load and
 * a way back each). The list now says the sessions left and the approval's last day under the status.
 */
@BrowserServiceTest
class CaseListSessionsLeftBrowserTest {

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void anApprovedCaseOnTheCaseListSaysHowManySessionsAreLeftAndUntilWhen() {
        LocalDate today = LocalDate.now();
        String lastName = "Sessionsleft" + UUID.randomUUID().toString().substring(0, 6);
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String approved = caseOf(lifecycle, lastName, "Ada");
        lifecycle.ok(approved, LifecycleHttp.submitted(today));
        lifecycle.ok(approved, LifecycleHttp.approved(today, today, today.plusDays(90), 8));
        lifecycle.ok(approved, LifecycleHttp.session(today));
        String submitted = caseOf(lifecycle, lastName, "Ben");
        lifecycle.ok(submitted, LifecycleHttp.submitted(today));

        searchAsClinicStaff(lastName);

        assertThat(authorizationCell(approved).getText())
                .isEqualTo("Approved\n7 of 8 sessions left, until " + today.plusDays(90));
        assertThat(authorizationCell(submitted).getText()).as("no approval, nothing to count").isEqualTo("Submitted");

        new Select(browser.find(By.id("authStatus"))).selectByValue("APPROVED");
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.filters button.primary")));
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#case-list tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("Ada " + lastName, "7 of 8 sessions left");
    }

    /** An approval of one session says "1 of 1 session left", not "1 of 1 sessions left". */
    @Test
    void anApprovalOfOneSessionSaysSessionInTheSingular() {
        LocalDate today = LocalDate.now();
        String lastName = "Onesession" + UUID.randomUUID().toString().substring(0, 6);
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String approved = caseOf(lifecycle, lastName, "Ada");
        lifecycle.ok(approved, LifecycleHttp.submitted(today));
        lifecycle.ok(approved, LifecycleHttp.approved(today, today, today.plusDays(30), 1));

        searchAsClinicStaff(lastName);

        assertThat(authorizationCell(approved).getText())
                .isEqualTo("Approved\n1 of 1 session left, until " + today.plusDays(30));
    }

    /** The case list as clinic staff see it, found by the test's own last name. */
    private void searchAsClinicStaff(String lastName) {
        browser.logIn(LifecycleHttp.CLINIC, BillingDeskJourneyTest.PASSWORD);
        browser.go("/cases");
        browser.find(By.id("q")).sendKeys(lastName);
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.filters button.primary")));
    }

    /** A complete case of a patient no other test names, with its packet, so that it can be submitted. */
    private static String caseOf(LifecycleHttp lifecycle, String lastName, String firstName) {
        ObjectNode kase = Samples.tree("01-complete-esketamine");
        ((ObjectNode) kase.get("patient")).put("firstName", firstName).put("lastName", lastName);
        ApiClient.Response created = lifecycle.api().post("/api/v1/cases", LifecycleHttp.BILLING, Samples.json(kase));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asString();
        ApiClient.Response packet = lifecycle.api().post("/api/v1/cases/" + id + "/packet", LifecycleHttp.BILLING,
                new byte[0], null);
        assertThat(packet.status()).as(packet.text()).isEqualTo(201);
        return id;
    }

    private WebElement authorizationCell(String caseId) {
        return browser.find(By.xpath("//table[@id='case-list']//tr[.//a[@href='/cases/" + caseId + "']]"
                + "/td[@data-auth-status]"));
    }
}

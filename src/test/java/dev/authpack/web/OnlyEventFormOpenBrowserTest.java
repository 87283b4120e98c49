package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every event form of the case page was folded, one click to open it each time, also where the status allows one
 * event only: "Session given" while approved (recorded once a session, eight times a course), "Appealed" while
 * denied. That one form is now open with its fields in reach; where there is a choice (submitted: pended, approved,
 * denied, withdrawn) the forms stay folded, and so does an appeal past its deadline, which would be refused.
 */
@BrowserServiceTest
class OnlyEventFormOpenBrowserTest {

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void theOnlyEventTheStatusAllowsHasItsFormOpenAndAChoiceOfEventsStaysFolded() {
        LocalDate today = LocalDate.now();
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String approved = lifecycle.approvedCase(today.minusDays(10), 8);
        String denied = lifecycle.caseWithPacket();
        lifecycle.ok(denied, LifecycleHttp.submitted(today.minusDays(5)));
        lifecycle.ok(denied, LifecycleHttp.denied(today.minusDays(2), "Two adequate trials are not documented."));
        String lateDenial = lifecycle.caseWithPacket();
        lifecycle.ok(lateDenial, LifecycleHttp.submitted(today.minusDays(200)));
        lifecycle.ok(lateDenial, LifecycleHttp.denied(today.minusDays(190), "Not medically necessary."));
        String submitted = lifecycle.caseWithPacket();
        lifecycle.ok(submitted, LifecycleHttp.submitted(today.minusDays(1)));
        browser.logIn(LifecycleHttp.BILLING, "demo-pass-2026");

        browser.go("/cases/" + approved);
        assertThat(browser.find(By.id("SESSION_GIVEN-date")).isDisplayed()).as("Session given, approved").isTrue();
        assertThat(browser.find(By.id("SESSION_GIVEN-codes")).isDisplayed()).isTrue();

        browser.go("/cases/" + denied);
        assertThat(browser.find(By.id("APPEALED-note")).isDisplayed()).as("Appealed, denied two days ago").isTrue();

        browser.go("/cases/" + lateDenial);
        assertThat(browser.find(By.id("APPEALED-note")).isDisplayed()).as("Appealed, past the deadline").isFalse();

        browser.go("/cases/" + submitted);
        for (String type : new String[] {"PENDED", "APPROVED", "DENIED", "WITHDRAWN"}) {
            assertThat(browser.find(By.id(type + "-date")).isDisplayed()).as("%s, one of four", type).isFalse();
        }
    }
}

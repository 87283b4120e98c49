package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A clerk types a case, leaves it longer than the session lasts and presses Save: they are sent
 * through sign-in with a message saying what happened and come back to the form with everything
 * typed still there (from the browser's local draft), save it, and the draft is gone.
 */
// The session ends as an idle timeout ends it: Spring Session (in the database) no longer finds it.
// Removing its row does that at once; waiting out a short timeout cost a context of its own and 12 s.
@BrowserServiceTest
class SessionExpiryTest {

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;

    @Test
    void anExpiredSessionSendsTheClerkThroughSignInAndBackToTheFormWithEverythingTyped() {
        browser.logIn("north.billing", BillingDeskJourneyTest.PASSWORD);
        browser.go("/cases/new");
        browser.byName("patient.firstName").sendKeys("Ines");
        browser.byName("patient.lastName").sendKeys("Expiry-Draft");
        Browser.typeDate(browser.byName("patient.dateOfBirth"), LocalDate.of(1980, 2, 3));
        new Select(browser.byName("coverage.planType")).selectByValue("COMMERCIAL");
        browser.find(By.cssSelector("[data-add-row='medicationTrials']")).click();
        browser.byName("medicationTrials[0].drug").sendKeys("Sertraline");
        browser.byName("medicationTrials[1].drug").sendKeys("Bupropion");

        browser.endSession(jdbc);
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#case-form .toolbar button.primary")));

        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.find(By.tagName("main")).getText()).contains("session ended", "was not saved");
        browser.byName("username").sendKeys("north.billing");
        browser.byName("password").sendKeys(BillingDeskJourneyTest.PASSWORD);
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.login-form button[type=submit]")));

        assertThat(browser.path()).isEqualTo("/cases/new");
        assertThat(browser.find(By.id("draft-restored")).isDisplayed()).isTrue();
        assertThat(browser.find(By.id("draft-restored")).getText()).contains("not saved yet");
        assertThat(browser.byName("patient.lastName").getDomProperty("value")).isEqualTo("Expiry-Draft");
        assertThat(browser.byName("patient.dateOfBirth").getDomProperty("value")).isEqualTo("1980-02-03");
        assertThat(browser.byName("coverage.planType").getDomProperty("value")).isEqualTo("COMMERCIAL");
        assertThat(browser.byName("medicationTrials[1].drug").getDomProperty("value")).isEqualTo("Bupropion");
        assertThat(browser.find(By.id("medicationTrials-1")).findElement(By.tagName("h3")).getText()).isEqualTo("Trial 2");

        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#case-form .toolbar button.primary")));
        assertThat(browser.path()).matches("/cases/[0-9a-f-]{36}");
        assertThat(browser.find(By.tagName("h1")).getText()).contains("Ines Expiry-Draft");
        assertThat(drafts()).isZero();
    }

    private long drafts() {
        return (Long) ((JavascriptExecutor) browser.driver()).executeScript(
                "return Object.keys(localStorage).filter(k => k.indexOf('authpack.draft.') === 0).length;");
    }
}

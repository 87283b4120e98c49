package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A billing clerk types a denial reason on the case page while the session ends; meanwhile the decision is
 * recorded by someone else, so "Denied" can no longer be recorded and its form is gone from the page. After
 * sign-in the page says, once and with the focus on it, that what was typed was not recorded because the case
 * moved on, shows it (each field under its label) so it can be copied, and drops the draft: the case page
 * opened again does not say it again. The same when the refusal comes from the server (the page was older than
 * the decision). The draft stayed in the browser, unseen, until sign-out or 24 hours, and came back into the
 * "Denied" form if the case was later appealed.
 */
// The session ends as an idle timeout ends it: its row in the database is removed (as in SessionExpiryTest).
@BrowserServiceTest
class EventDraftOfACaseThatMovedOnBrowserTest {

    private static final LocalDate TODAY = LocalDate.now();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Browser browser;

    @Test
    void aDenialReasonOfACaseDecidedMeanwhileIsShownOnceToCopyAndDropped() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.caseWithPacket();
        lifecycle.ok(id, LifecycleHttp.submitted(TODAY.minusDays(3)));

        browser.logIn(LifecycleHttp.BILLING, EventFormDraftAfterSessionExpiryBrowserTest.PASSWORD);
        browser.go("/cases/" + id);
        browser.find(By.xpath("//details[form[@id='event-form-DENIED']]/summary")).click();
        browser.find(By.id("DENIED-reason")).sendKeys(EventFormDraftAfterSessionExpiryBrowserTest.REASON);

        browser.endSession(jdbc);
        lifecycle.ok(id, LifecycleHttp.denied(TODAY.minusDays(1), "Not medically necessary per plan policy"));
        browser.clickAndWaitForNextPage(browser.find(By.id("record-DENIED")));
        browser.byName("username").sendKeys(LifecycleHttp.BILLING);
        browser.byName("password").sendKeys(EventFormDraftAfterSessionExpiryBrowserTest.PASSWORD);
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.login-form button[type=submit]")));

        assertThat(browser.path()).isEqualTo("/cases/" + id);
        assertThat(browser.driver().findElements(By.id("event-form-DENIED"))).as("no longer offered").isEmpty();
        WebElement dropped = browser.find(By.id("DENIED-draft-dropped"));
        assertThat(dropped.isDisplayed()).isTrue();
        assertThat(dropped.getText()).contains("What you typed in “Denied” in this browser was not recorded: the case"
                + " moved on meanwhile, and “Denied” cannot be recorded while the authorization is Denied.",
                "Copy what you still need from here: it is shown this once and no longer kept.");
        assertThat(dropped.findElement(By.cssSelector("[data-field=reason] dd")).getText())
                .isEqualTo(EventFormDraftAfterSessionExpiryBrowserTest.REASON);
        assertThat(dropped.findElements(By.cssSelector("[data-field]"))).extracting(WebElement::getText)
                .as("only what the form held").containsExactly("Date\n" + TODAY,
                        "Denial reason, as the payer gave it\n" + EventFormDraftAfterSessionExpiryBrowserTest.REASON);
        assertThat(browser.driver().switchTo().activeElement()).as("the note has the focus").isEqualTo(dropped);
        assertThat(drafts()).as("dropped once shown").isEmpty();

        browser.go("/cases/" + id);
        assertThat(browser.find(By.id("DENIED-draft-dropped")).isDisplayed()).as("said once").isFalse();
    }

    /** Signed in all along, the page older than the decision: the server's refusal, and the typed note shown to copy. */
    @Test
    void aNoteRefusedBecauseTheCaseWasApprovedMeanwhileIsShownWithTheRefusalAndDropped() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.caseWithPacket();
        lifecycle.ok(id, LifecycleHttp.submitted(TODAY.minusDays(3)));

        browser.logIn(LifecycleHttp.BILLING, EventFormDraftAfterSessionExpiryBrowserTest.PASSWORD);
        browser.go("/cases/" + id);
        browser.find(By.xpath("//details[form[@id='event-form-PENDED']]/summary")).click();
        browser.find(By.id("PENDED-note")).sendKeys("Payer asks for the PHQ-9 of last month");
        lifecycle.ok(id, LifecycleHttp.approved(TODAY.minusDays(1), TODAY, TODAY.plusDays(90), 8));
        browser.clickAndWaitForNextPage(browser.find(By.id("record-PENDED")));

        assertThat(browser.find(By.id("event-problems")).getText()).contains("Nothing was recorded");
        WebElement dropped = browser.find(By.id("PENDED-draft-dropped"));
        assertThat(dropped.isDisplayed()).isTrue();
        assertThat(dropped.findElement(By.cssSelector("[data-field=note] dd")).getText())
                .isEqualTo("Payer asks for the PHQ-9 of last month");
        assertThat(drafts()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<String> drafts() {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
                "return Object.keys(localStorage).filter(k => k.indexOf('authpack.draft.') === 0);");
    }
}

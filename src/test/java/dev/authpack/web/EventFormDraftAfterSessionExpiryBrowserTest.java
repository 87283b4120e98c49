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
 * A billing clerk types a long denial reason on the case page while the session ends, and presses
 * "Denied": sign-in says what typed text is kept, and the case page after it has the reason back in its
 * form (opened, and the focus on the note saying so), from this browser's draft as the case form has. The
 * draft is this user's and this case's: another case's form stays empty. Recording the event drops it.
 * The reason was lost: only the case form kept a draft.
 */
// The session ends as an idle timeout ends it: its row in the database is removed (as in SessionExpiryTest).
@BrowserServiceTest
class EventFormDraftAfterSessionExpiryBrowserTest {

    static final String PASSWORD = "demo-pass-2026";
    static final String REASON = "Step therapy not met: the payer wants a second augmentation trial.\n"
            + "Call reference 7731 with the plan's reviewer; letter expected within ten days.";
    private static final LocalDate TODAY = LocalDate.now();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Browser browser;

    @Test
    void aDenialReasonTypedBeforeTheSessionEndedIsBackInItsFormAfterSignInAndDroppedOnceRecorded() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.caseWithPacket();
        lifecycle.ok(id, LifecycleHttp.submitted(TODAY.minusDays(3)));
        String other = lifecycle.caseWithPacket();
        lifecycle.ok(other, LifecycleHttp.submitted(TODAY.minusDays(3)));

        browser.logIn(LifecycleHttp.BILLING, PASSWORD);
        browser.go("/cases/" + id);
        browser.find(By.xpath("//details[form[@id='event-form-DENIED']]/summary")).click();
        browser.find(By.id("DENIED-reason")).sendKeys(REASON);

        browser.endSession(jdbc);
        browser.clickAndWaitForNextPage(browser.find(By.id("record-DENIED")));
        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.find(By.tagName("main")).getText())
                .contains("was not saved", "or in a form recording an event on the case page, is still in this browser");
        browser.byName("username").sendKeys(LifecycleHttp.BILLING);
        browser.byName("password").sendKeys(PASSWORD);
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.login-form button[type=submit]")));

        assertThat(browser.path()).isEqualTo("/cases/" + id);
        assertThat(browser.find(By.id("auth-status")).getAttribute("data-status")).as("nothing recorded yet")
                .isEqualTo("SUBMITTED");
        WebElement reason = browser.find(By.id("DENIED-reason"));
        assertThat(reason.isDisplayed()).as("its form opened").isTrue();
        assertThat(reason.getDomProperty("value")).isEqualTo(REASON);
        WebElement note = browser.find(By.id("DENIED-draft-restored"));
        assertThat(note.isDisplayed()).isTrue();
        assertThat(note.getText()).contains("not recorded yet", "press “Denied”");
        assertThat(browser.driver().switchTo().activeElement()).as("the note has the focus").isEqualTo(note);
        assertThat(drafts()).as("kept for this user and this case, this event form")
                .containsExactly("authpack.draft." + LifecycleHttp.BILLING + "." + id + ".event.DENIED");

        browser.go("/cases/" + other);
        assertThat(browser.find(By.id("DENIED-reason")).getDomProperty("value")).as("another case").isEmpty();
        assertThat(browser.find(By.id("DENIED-draft-restored")).isDisplayed()).isFalse();

        browser.go("/cases/" + id);
        browser.clickAndWaitForNextPage(browser.find(By.id("record-DENIED")));
        assertThat(browser.find(By.id("event-recorded")).getText()).isEqualTo("The event was recorded.");
        assertThat(browser.find(By.id("auth-status")).getAttribute("data-status")).isEqualTo("DENIED");
        // stored on one line, as every typed reason is
        assertThat(lifecycle.authorization(id).get("denialReason").asString()).isEqualTo(REASON.replace('\n', ' '));
        assertThat(drafts()).as("the draft is dropped once the event is recorded").isEmpty();
    }

    /**
     * Signed in still, but the page older than the sign-in (its token spent): the same page comes back saying
     * nothing was done and what typed text is put back, with the note in its form.
     */
    @Test
    void aNoteSentFromAPageOlderThanTheSignInIsBackInItsFormAndTheMessageSaysEventFormsArePutBack() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.caseWithPacket();
        lifecycle.ok(id, LifecycleHttp.submitted(TODAY.minusDays(2)));

        browser.logIn(LifecycleHttp.BILLING, PASSWORD);
        browser.go("/cases/" + id);
        browser.find(By.xpath("//details[form[@id='event-form-PENDED']]/summary")).click();
        browser.find(By.id("PENDED-note")).sendKeys("Payer asks for the PHQ-9 of last month");
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelectorAll('input[name=_csrf]').forEach(i => i.value = 'a-token-of-an-older-session');");
        browser.clickAndWaitForNextPage(browser.find(By.id("record-PENDED")));

        assertThat(browser.path()).isEqualTo("/cases/" + id);
        assertThat(browser.find(By.id("resubmit-notice")).getText()).contains("Nothing was saved or done",
                "or in a form recording an event on the case page, is put back from this browser");
        assertThat(browser.find(By.id("PENDED-note")).getDomProperty("value")).isEqualTo("Payer asks for the PHQ-9 of last month");
        assertThat(browser.find(By.id("PENDED-draft-restored")).isDisplayed()).isTrue();

        browser.clickAndWaitForNextPage(browser.find(By.id("record-PENDED")));
        assertThat(browser.find(By.id("auth-status")).getAttribute("data-status")).isEqualTo("PENDED");
        assertThat(drafts()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<String> drafts() {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
                "return Object.keys(localStorage).filter(k => k.indexOf('authpack.draft.') === 0);");
    }
}

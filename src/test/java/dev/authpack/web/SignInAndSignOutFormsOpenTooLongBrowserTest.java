package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sign-in page and the sign-out button, sent after their session ended (their form's token with it), say
 * what happened to them: not the case form's "what you last sent was not saved … still in this browser", which
 * they were told before.
 */
// The session ends as an idle timeout ends it: its row in the database is removed (as in SessionExpiryTest).
@BrowserServiceTest
class SignInAndSignOutFormsOpenTooLongBrowserTest {

    static final String PASSWORD = "demo-pass-2026";
    static final String OPEN_TOO_LONG =
            "This sign-in page had been open too long, so you were not signed in. Type your password again to sign in.";
    static final String CASE_FORM_KEPT = "was not saved";
    static final String STILL_SIGNED_IN = "You are still signed in: the page where you pressed Sign out was older than "
            + "your last sign-in. Press Sign out above to sign out.";

    @Autowired
    JdbcTemplate jdbc;
    Browser browser;

    @Test
    void aSignInPageOpenTooLongSaysSoKeepsTheUserNameAndSignsInOnTheNextTry() {
        browser.go("/login");
        browser.endSession(jdbc);
        browser.byName("username").sendKeys(LifecycleHttp.BILLING);
        browser.byName("password").sendKeys(PASSWORD);
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.login-form button[type=submit]")));

        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.find(By.tagName("main")).getText()).contains(OPEN_TOO_LONG).doesNotContain(CASE_FORM_KEPT);
        assertThat(browser.byName("username").getDomProperty("value")).isEqualTo(LifecycleHttp.BILLING);

        browser.byName("password").sendKeys(PASSWORD);
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.login-form button[type=submit]")));
        assertThat(browser.path()).isEqualTo("/worklist");
    }

    @Test
    void signingOutAfterTheSessionEndedSaysYouAreSignedOut() {
        browser.logIn(LifecycleHttp.BILLING, PASSWORD);
        browser.go("/cases");
        js().executeScript("localStorage.setItem('authpack.draft." + LifecycleHttp.BILLING + ".new', '{}');");
        browser.endSession(jdbc);

        browser.logOut();

        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.find(By.tagName("main")).getText()).contains("You have signed out.")
                .doesNotContain(CASE_FORM_KEPT).doesNotContain("without activity");
        assertThat(draftsInTheBrowser()).as("a sign-out after the session ended clears the drafts too").isZero();
        // signed out, so the sign-in page's own session ending later is not taken for the end of the clerk's
        browser.endSession(jdbc);
        browser.go("/cases");
        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.driver().findElements(By.cssSelector("main .alert"))).isEmpty();
    }

    /**
     * Sign out pressed in a tab opened before the clerk signed in again in another one carries that older page's
     * token, so it is refused as any stale form is; it left the clerk signed in on the worklist without a word,
     * as if signing out had worked (a shared computer left signed in).
     */
    @Test
    void signingOutFromAPageOlderThanTheSignInSaysYouAreStillSignedIn() {
        signOutFromAnOlderTabIsRefusedSayingSo(LifecycleHttp.BILLING, "/cases", "/worklist");
    }

    /** An administrator's start page is the users page, which "/admin" redirects to without the flag. */
    @Test
    void anAdministratorSigningOutFromAnOlderPageIsToldTheyAreStillSignedIn() {
        signOutFromAnOlderTabIsRefusedSayingSo("admin", "/admin/clinics", "/admin/users");
    }

    /**
     * The drafts are cleared once the sign-out has happened, on the sign-in page it lands on: they were cleared
     * when Sign out was pressed, so a Sign out refused as older than the sign-in wiped every draft in the browser
     * (what the clerk typed in another tab included) while the clerk stayed signed in, their work lost.
     */
    @Test
    void aSignOutRefusedAsOlderThanTheSignInKeepsTheDraftsAndSigningOutThenClearsThem() {
        browser.logIn(LifecycleHttp.BILLING, PASSWORD);
        browser.go("/cases");
        String older = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.go("/worklist");
        browser.logOut();
        browser.logIn(LifecycleHttp.BILLING, PASSWORD);
        browser.go("/cases/new");
        // leaving the field (Tab) fires its change event, which saves the draft once more a moment later: left
        // to switching tabs, that save could land after the draft was dropped below and bring it back
        browser.byName("patient.lastName").sendKeys("Okafor", Keys.TAB);
        String draft = "authpack.draft." + LifecycleHttp.BILLING + ".new";
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> js().executeScript("return localStorage.getItem(arguments[0]);", draft) != null);
        browser.driver().switchTo().window(older);

        browser.logOut();

        assertThat(browser.find(By.id("not-signed-out-notice")).getText()).isEqualTo(STILL_SIGNED_IN);
        assertThat((String) js().executeScript("return localStorage.getItem(arguments[0]);", draft))
                .as("the draft typed in the other tab, the clerk still signed in").contains("Okafor");
        browser.logOut();
        assertThat(browser.path()).isEqualTo("/login");
        assertThat(draftsInTheBrowser()).as("signed out: no draft left in the browser").isZero();
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver();
    }

    private long draftsInTheBrowser() {
        return (Long) js().executeScript("return Object.keys(localStorage)"
                + ".filter(k => k.indexOf('authpack.draft.') === 0).length;");
    }

    private void signOutFromAnOlderTabIsRefusedSayingSo(String user, String olderPage, String startPage) {
        browser.logIn(user, PASSWORD);
        browser.go(olderPage);
        String older = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.go(startPage);
        browser.logOut();
        browser.logIn(user, PASSWORD);
        browser.driver().switchTo().window(older);

        browser.logOut();

        assertThat(browser.path()).isEqualTo(startPage);
        assertThat(browser.find(By.id("not-signed-out-notice")).getText()).isEqualTo(STILL_SIGNED_IN);
        browser.logOut();
        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.find(By.tagName("main")).getText()).contains("You have signed out.");
        browser.go(startPage);
        assertThat(browser.path()).as("signed out in every tab").isEqualTo("/login");
    }
}

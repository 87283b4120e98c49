package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sign-in page a clerk is sent to because their session ended after a while without activity says so,
 * instead of the bare form: only then (the browser still held the ended session's cookie), not on a first
 * visit and not after signing out, which has its own message. The ended session's id is in no address and
 * no log line.
 */
// The session ends as an idle timeout ends it: its row in the database is removed (as in SessionExpiryTest).
@BrowserServiceTest
@ExtendWith(OutputCaptureExtension.class)
class SignInSaysTheSessionEndedBrowserTest {

    static final String PASSWORD = "demo-pass-2026";
    static final String ENDED = "Your session ended after a while without activity. Sign in again to continue.";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Browser browser;

    @Test
    void aLinkFollowedAfterTheSessionEndedShowsTheSignInPageSayingSo(CapturedOutput output) {
        String id = new LifecycleHttp(new ApiClient(port)).caseWithPacket();
        browser.logIn(LifecycleHttp.CLINIC, PASSWORD);
        browser.go("/documents");
        String cookie = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        String session = new String(Base64.getDecoder().decode(cookie), StandardCharsets.US_ASCII);

        browser.endSession(jdbc);
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#recent-documents a[href='/cases/" + id + "']")));

        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.find(By.tagName("main")).getText()).contains(ENDED);
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(session).doesNotContain(cookie);
        assertThat(output.getAll()).doesNotContain(session).doesNotContain(cookie);
    }

    @Test
    void aFirstVisitShowsTheSignInPageWithoutAWordOfASession() {
        browser.go("/worklist");

        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("session");
        assertThat(browser.driver().findElements(By.cssSelector("main .alert"))).isEmpty();
    }

    @Test
    void signingOutSaysOnlyThatAndALinkFollowedThenSaysNothingOfASession() {
        browser.logIn(LifecycleHttp.BILLING, PASSWORD);
        browser.logOut();

        assertThat(browser.find(By.tagName("main")).getText()).contains("You have signed out.").doesNotContain(ENDED);
        browser.go("/cases");
        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.driver().findElements(By.cssSelector("main .alert"))).isEmpty();
    }

    @Test
    void aLinkFollowedLongAfterSigningOutSaysNothingOfASessionThatEnded() {
        browser.logIn(LifecycleHttp.BILLING, PASSWORD);
        browser.logOut();
        // the sign-in page shown after signing out has a session of its own (its form's token), which the idle
        // timeout ends while the browser is left alone
        browser.endSession(jdbc);

        browser.go("/cases");

        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.find(By.tagName("main")).getText()).doesNotContain(ENDED);
        assertThat(browser.driver().findElements(By.cssSelector("main .alert"))).isEmpty();
    }

    /**
     * Sent to sign in after the session ended, the browser is no longer signed in (though not signed out): the
     * sign-in page left open until its own session ended says nothing of a session again when a link is followed.
     */
    @Test
    void aLinkFollowedLongAfterTheSignInPageSaidTheSessionEndedSaysItNoMore() {
        browser.logIn(LifecycleHttp.BILLING, PASSWORD);
        browser.endSession(jdbc);
        browser.go("/cases");
        assertThat(browser.find(By.tagName("main")).getText()).contains(ENDED);
        browser.endSession(jdbc);

        browser.go("/cases");

        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.driver().findElements(By.cssSelector("main .alert"))).isEmpty();
    }

    /**
     * The same when a form, not a link, met the ended session first: Save answered "Your session ended after a while
     * without activity, so what you last sent was not saved", yet left the browser marked as signed in, so the
     * sign-in page left open until its own session ended said it again when a link was followed from it: of a
     * session that had ended long before, already told.
     */
    @Test
    void aLinkFollowedLongAfterASaveWasToldTheSessionEndedSaysItNoMore() {
        browser.logIn(LifecycleHttp.BILLING, PASSWORD);
        browser.go("/cases/new");
        browser.byName("patient.lastName").sendKeys("Okafor");
        browser.endSession(jdbc);
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#case-form button[type=submit]")));
        assertThat(browser.find(By.tagName("main")).getText()).contains("ended after a while without activity",
                "what you last sent was not saved");
        browser.endSession(jdbc);

        browser.go("/cases");

        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.driver().findElements(By.cssSelector("main .alert"))).isEmpty();
    }
}

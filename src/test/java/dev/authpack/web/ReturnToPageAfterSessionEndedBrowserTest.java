package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Staff whose session ended follow a link to a page (a case, Recent documents, the audit log) and are sent
 * to sign in; once signed in they are on the page they asked for, not on their start page. Only pages come
 * back: a document's download is not started again after sign-in, the clerk lands on their start page.
 */
// The session ends as an idle timeout ends it: its row in the database is removed (as in SessionExpiryTest).
@BrowserServiceTest
class ReturnToPageAfterSessionEndedBrowserTest {

    static final String PASSWORD = "demo-pass-2026";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Browser browser;

    @Test
    void clinicStaffFollowingACaseLinkAfterTheSessionEndedAreOnThatCaseAfterSigningIn() {
        String id = new LifecycleHttp(new ApiClient(port)).caseWithPacket();
        browser.logIn(LifecycleHttp.CLINIC, PASSWORD);
        browser.go("/documents");

        browser.endSession(jdbc);
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#recent-documents a[href='/cases/" + id + "']")));
        assertThat(browser.path()).isEqualTo("/login");
        signInHere(LifecycleHttp.CLINIC);

        assertThat(browser.path()).isEqualTo("/cases/" + id);
        assertThat(browser.find(By.id("document-list")).isDisplayed()).isTrue();
    }

    @Test
    void aBillingClerkFollowingTheRecentDocumentsLinkAfterTheSessionEndedIsThereAfterSigningIn() {
        String id = new LifecycleHttp(new ApiClient(port)).caseWithPacket();
        browser.logIn(LifecycleHttp.BILLING, PASSWORD);
        browser.go("/cases/" + id);

        browser.endSession(jdbc);
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("nav a[href='/documents']")));
        assertThat(browser.path()).isEqualTo("/login");
        signInHere(LifecycleHttp.BILLING);

        assertThat(browser.path()).isEqualTo("/documents");
    }

    @Test
    void anAdministratorFollowingAFilteredAuditLinkAfterTheSessionEndedSeesThatFilterAfterSigningIn() {
        String id = new LifecycleHttp(new ApiClient(port)).caseWithPacket();
        browser.logIn("admin", PASSWORD);
        browser.go("/admin/audit?case=" + id);

        browser.endSession(jdbc);
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("a[href^='/admin/audit?case=']")));
        assertThat(browser.path()).isEqualTo("/login");
        signInHere("admin");

        assertThat(browser.path()).isEqualTo("/admin/audit");
        assertThat(URI.create(browser.driver().getCurrentUrl()).getQuery()).contains("case=" + id);
        assertThat(browser.byName("case").getDomProperty("value")).isEqualTo(id);
    }

    /** A download is no page: signing in does not start it again, the clerk starts from the worklist. */
    @Test
    void aDocumentLinkPressedAfterTheSessionEndedIsNotDownloadedAfterSigningIn() {
        String id = new LifecycleHttp(new ApiClient(port)).caseWithPacket();
        browser.logIn(LifecycleHttp.BILLING, PASSWORD);
        browser.go("/cases/" + id);

        browser.endSession(jdbc);
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#document-list a[href^='/documents/']")));
        assertThat(browser.path()).isEqualTo("/login");
        signInHere(LifecycleHttp.BILLING);

        assertThat(browser.path()).isEqualTo("/worklist");
    }

    /** Signs in on the sign-in page the browser is on (not a fresh one: that would be another request). */
    private void signInHere(String user) {
        browser.byName("username").sendKeys(user);
        browser.byName("password").sendKeys(PASSWORD);
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.login-form button[type=submit]")));
    }
}

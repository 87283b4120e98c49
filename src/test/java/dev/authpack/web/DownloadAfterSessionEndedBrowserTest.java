package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A clerk whose session ended presses a document's download link on the case page. The links said
 * {@code download}, so the browser saved whatever the request ended on as the file: the sign-in page, as
 * "the packet", while the case page stayed as it was and nothing said to sign in. Without {@code download}
 * (the document's answer is an attachment anyway) the clerk is shown the sign-in page. The same for the audit
 * log's CSV export, and for a document that is not there (its "not found" page was a failed download).
 */
// The session ends as an idle timeout ends it: its row in the database is removed (as in SessionExpiryTest).
@BrowserServiceTest
class DownloadAfterSessionEndedBrowserTest {

    static final String PASSWORD = "demo-pass-2026";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Browser browser;

    @Test
    void pressingADocumentLinkAfterTheSessionEndedShowsTheSignInPage() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.caseWithPacket();

        browser.logIn(LifecycleHttp.BILLING, PASSWORD);
        browser.go("/cases/" + id);
        // signed in, the link downloads the document and the page stays
        WebElement page = browser.find(By.tagName("html"));
        browser.find(By.cssSelector("#document-list a[href^='/documents/']")).click();
        assertThatThrownBy(() -> new WebDriverWait(browser.driver(), Duration.ofSeconds(3))
                .until(d -> Browser.isGone(page)))
                .isInstanceOf(TimeoutException.class);

        browser.endSession(jdbc);
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#document-list a[href^='/documents/']")));
        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.find(By.cssSelector("form.login-form")).isDisplayed()).isTrue();
    }

    /** The same holds for a document that is not there (removed, or another clinic's): its page says so. */
    @Test
    void pressingALinkToADocumentThatIsNotThereShowsNotFound() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.caseWithPacket();

        browser.logIn(LifecycleHttp.BILLING, PASSWORD);
        browser.go("/cases/" + id);
        WebElement link = browser.find(By.cssSelector("#document-list a[href^='/documents/']"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].setAttribute('href', '/documents/' + arguments[1])",
                link, UUID.randomUUID().toString());
        browser.clickAndWaitForNextPage(link);
        assertThat(browser.find(By.tagName("main")).getText()).contains("Not found");
    }

    @Test
    void pressingTheAuditExportAfterTheSessionEndedShowsTheSignInPage() {
        browser.logIn("admin", PASSWORD);
        browser.go("/admin/audit");
        browser.endSession(jdbc);
        browser.clickAndWaitForNextPage(browser.find(By.id("audit-csv")));
        assertThat(browser.path()).isEqualTo("/login");
    }
}

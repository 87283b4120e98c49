package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.rendering.TestPdfs;
import dev.authpack.support.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A billing clerk chooses a chart-notes PDF on the case page and types its title while the session ends, and
 * presses "Upload attachment": sign-in says the title is kept, and the case page after it has the title back
 * in the upload form, with a note (focused) that says nothing was uploaded and the file, named, must be chosen
 * again (no browser lets a page choose a file). Uploading drops the kept title. The title was lost, and the
 * page said nothing of the upload: only the case form and the event forms kept a draft.
 */
// The session ends as an idle timeout ends it: its row in the database is removed (as in SessionExpiryTest).
@BrowserServiceTest
class AttachmentTitleAfterSessionExpiryBrowserTest {

    static final String TITLE = "Chart notes 2026-11-20, Dr. Okafor (augmentation trial)";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Browser browser;

    @Test
    void aTitleTypedBeforeTheSessionEndedIsBackAfterSignInAndThePageSaysToChooseTheFileAgain() throws Exception {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.newCase();
        Path pdf = Files.createTempDirectory("authpack-upload-").resolve("chart-notes-okafor.pdf");
        try {
            Files.write(pdf, TestPdfs.notes(1, "OKAFOR"));
            browser.logIn(LifecycleHttp.BILLING, EventFormDraftAfterSessionExpiryBrowserTest.PASSWORD);
            browser.go("/cases/" + id);
            browser.find(By.id("attachment-title")).sendKeys(TITLE);
            browser.find(By.id("attachment-file")).sendKeys(pdf.toString());

            browser.endSession(jdbc);
            browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#attachments form[enctype] button[type=submit]")));
            assertThat(browser.path()).isEqualTo("/login");
            assertThat(browser.find(By.tagName("main")).getText()).contains("was not saved",
                    "the title of an attachment (its file must be chosen again)");
            browser.byName("username").sendKeys(LifecycleHttp.BILLING);
            browser.byName("password").sendKeys(EventFormDraftAfterSessionExpiryBrowserTest.PASSWORD);
            browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.login-form button[type=submit]")));

            assertThat(browser.path()).isEqualTo("/cases/" + id);
            assertThat(lifecycle.api().get("/api/v1/cases/" + id + "/attachments", LifecycleHttp.BILLING).json())
                    .as("nothing uploaded").isEmpty();
            assertThat(browser.find(By.id("attachment-title")).getDomProperty("value")).isEqualTo(TITLE);
            WebElement note = browser.find(By.id("attachment-draft-restored"));
            assertThat(note.isDisplayed()).isTrue();
            assertThat(note.getText()).isEqualTo("The attachment was not uploaded. The title you typed is back;"
                    + " choose the file (chart-notes-okafor.pdf) again and press “Upload attachment”.");
            assertThat(browser.driver().switchTo().activeElement()).as("the note has the focus").isEqualTo(note);
            assertThat(drafts()).containsExactly("authpack.draft." + LifecycleHttp.BILLING + "." + id + ".attachment");

            browser.find(By.id("attachment-file")).sendKeys(pdf.toString());
            browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#attachments form[enctype] button[type=submit]")));
            assertThat(browser.find(By.id("attachment-message")).getText()).isEqualTo("The attachment was uploaded.");
            assertThat(browser.driver().findElements(By.cssSelector("#attachment-list .attachment-name a")))
                    .extracting(WebElement::getText).containsExactly(TITLE);
            assertThat(browser.find(By.id("attachment-title")).getDomProperty("value")).isEmpty();
            assertThat(browser.find(By.id("attachment-draft-restored")).isDisplayed()).isFalse();
            assertThat(drafts()).as("dropped once uploaded").isEmpty();
        } finally {
            Files.deleteIfExists(pdf);
            Files.deleteIfExists(pdf.getParent());
        }
    }

    /**
     * A refused upload (no file chosen) comes back from the server with the title and the reason: the kept title
     * does not add a second note to it.
     */
    @Test
    void anUploadTheServerRefusedSaysOnlyWhyWithTheTitleKept() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.newCase();
        browser.logIn(LifecycleHttp.BILLING, EventFormDraftAfterSessionExpiryBrowserTest.PASSWORD);
        browser.go("/cases/" + id);
        browser.find(By.id("attachment-title")).sendKeys(TITLE);
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#attachments form[enctype] button[type=submit]")));

        assertThat(browser.find(By.id("attachment-problem")).getText()).isEqualTo("Choose a file: no PDF was chosen for the upload.");
        assertThat(browser.find(By.id("attachment-title")).getDomProperty("value")).isEqualTo(TITLE);
        assertThat(browser.find(By.id("attachment-draft-restored")).isDisplayed()).isFalse();
        assertThat(drafts()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<String> drafts() {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
                "return Object.keys(localStorage).filter(k => k.indexOf('authpack.draft.') === 0);");
    }
}

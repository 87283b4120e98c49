package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.TestPdfs;
import dev.authpack.support.ApiClient;
import dev.authpack.support.Samples;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The attachments on the case page in Chromium: open one (an audited read), move one down, remove
 * one (kept on record below the list) and put one back, and a failed upload — no file, not a PDF, too large — says
 * why and keeps the typed title. The upload limit is lowered so that "too large" is quick to reach.
 */
// a service of its own (its own limit, its own database): it runs beside the shared-database classes
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "authpack.attachments.max-bytes=60000", "spring.datasource.url=jdbc:h2:mem:attachments-page;DB_CLOSE_DELAY=-1"})
@ExtendWith(OpenBrowser.class)
class AttachmentsPageTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Browser browser;
    ApiClient api;
    String caseId;

    @BeforeEach
    void open() {
        api = new ApiClient(port);
        caseId = api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine")).json()
                .get("id").asString();
    }

    @Test
    void aClerkOpensMovesAndRemovesAttachmentsAndThePacketFollows() {
        String alpha = Uploads.attach(api, caseId, "Alpha intake notes", TestPdfs.notes(1, "ALPHA"));
        Uploads.attach(api, caseId, "Bravo progress notes", TestPdfs.notes(2, "BRAVO"));
        String charlie = Uploads.attach(api, caseId, "Charlie old letter", TestPdfs.notes(1, "CHARLIE"));
        browser.logIn("north.billing", BillingDeskJourneyTest.PASSWORD);
        browser.go("/cases/" + caseId);
        assertThat(titles()).containsExactly("Alpha intake notes", "Bravo progress notes", "Charlie old letter");

        String href = row(alpha).findElement(By.cssSelector(".attachment-name a")).getAttribute("href");
        HttpResponse<byte[]> opened = browser.download(href);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(opened.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'ATTACHMENT_OPENED' "
                + "and document_id = ? and username = 'north.billing'", Integer.class, alpha)).isEqualTo(1);

        browser.clickAndWaitForNextPage(row(alpha).findElement(By.cssSelector("button.move-down")));
        assertThat(browser.find(By.id("attachment-message")).getText()).isEqualTo("The attachment was moved down.");
        assertThat(titles()).containsExactly("Bravo progress notes", "Alpha intake notes", "Charlie old letter");

        browser.clickAndWaitForNextPage(row(charlie).findElement(By.cssSelector("button.remove")));
        assertThat(browser.find(By.id("attachment-message")).getText()).startsWith("Removed \u201cCharlie old letter\u201d");
        assertThat(titles()).containsExactly("Bravo progress notes", "Alpha intake notes");
        WebElement removed = browser.find(By.id("removed-attachments"));
        removed.findElement(By.tagName("summary")).click();
        assertThat(removed.getText()).contains("Charlie old letter", "by north.billing");
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('attachments').scrollIntoView()");
        browser.screenshot("attachments");

        List<String> packetOrder = jdbc.queryForList("select title from attachments where case_id = ? "
                + "and removed_at is null order by sort_order", String.class, caseId);
        assertThat(packetOrder).containsExactly("Bravo progress notes", "Alpha intake notes");

        browser.logOut();
        browser.logIn("admin", BillingDeskJourneyTest.PASSWORD);
        browser.go("/admin/audit?case=" + caseId);
        assertThat(browser.find(By.cssSelector("table.audit")).getText())
                .contains("Maria Santos (north.billing)", "removed an attachment", "reordered a case's attachments",
                        "opened an attachment", "of North Clinic");
        browser.screenshot("audit-log");
    }

    @Test
    void aClerkPutsBackAnAttachmentRemovedByMistakeAndItReturnsLastInTheList() {
        String alpha = Uploads.attach(api, caseId, "Alpha intake notes", TestPdfs.notes(1, "ALPHA"));
        Uploads.attach(api, caseId, "Bravo progress notes", TestPdfs.notes(1, "BRAVO"));
        browser.logIn("north.billing", BillingDeskJourneyTest.PASSWORD);
        browser.go("/cases/" + caseId);
        browser.clickAndWaitForNextPage(row(alpha).findElement(By.cssSelector("button.remove")));
        assertThat(titles()).containsExactly("Bravo progress notes");

        WebElement removed = browser.find(By.id("removed-attachments"));
        removed.findElement(By.tagName("summary")).click();
        WebElement putBack = removed.findElement(By.cssSelector("button.restore"));
        assertThat(putBack.getAttribute("aria-label")).isEqualTo("Put Alpha intake notes back");
        browser.clickAndWaitForNextPage(putBack);

        assertThat(browser.find(By.id("attachment-message")).getText())
                .isEqualTo("Put \u201cAlpha intake notes\u201d back: it is last in the list, and new packets enclose it again.");
        assertThat(titles()).containsExactly("Bravo progress notes", "Alpha intake notes");
        assertThat(browser.driver().findElements(By.id("removed-attachments"))).as("nothing removed any more").isEmpty();
        assertThat(jdbc.queryForList("select action from audit_events where document_id = ? order by id", String.class, alpha))
                .containsExactly("ATTACHMENT_UPLOADED", "ATTACHMENT_REMOVED", "ATTACHMENT_RESTORED");
    }

    @Test
    void aFailedUploadSaysWhyAndKeepsTheTitle() throws Exception {
        browser.logIn("north.billing", BillingDeskJourneyTest.PASSWORD);
        browser.go("/cases/" + caseId);

        submit("Kept title: no file", null);
        assertThat(browser.find(By.id("attachment-problem")).getText()).startsWith("Choose a file");
        assertThat(browser.find(By.id("attachment-title")).getAttribute("value")).isEqualTo("Kept title: no file");

        Path text = Files.createTempFile("not-a-pdf", ".pdf");
        Path big = Files.createTempFile("too-big", ".pdf");
        try {
            Files.writeString(text, "these are typed notes, not a PDF");
            submit("Kept title: not a PDF", text);
            assertThat(browser.find(By.id("attachment-problem")).getText())
                    .isEqualTo("The file is not a readable PDF (damaged, truncated or another format).");
            assertThat(browser.find(By.id("attachment-title")).getAttribute("value")).isEqualTo("Kept title: not a PDF");

            byte[] bytes = new byte[70_000];
            new java.util.Random(17).nextBytes(bytes);
            System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
            Files.write(big, bytes);
            WebElement title = browser.find(By.id("attachment-title"));
            title.clear();
            title.sendKeys("Kept title: too large");
            browser.find(By.id("attachment-file")).sendKeys(big.toAbsolutePath().toString());
            browser.find(By.cssSelector("#attachments form[enctype] button[type=submit]")).click();
            assertThat(browser.find(By.id("attachment-too-large")).isDisplayed()).as("refused before sending").isTrue();
            assertThat(browser.find(By.id("attachment-title")).getAttribute("value")).isEqualTo("Kept title: too large");

            // without the page's check (no script, an old page) the server refuses it, and the title still stays
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('attachment-file').removeAttribute('data-max-bytes')");
            browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#attachments form[enctype] button[type=submit]")));
            assertThat(browser.find(By.id("attachment-problem")).getText()).isEqualTo("The file is larger than the upload limit of 58 KB.");
            assertThat(browser.find(By.id("attachment-title")).getAttribute("value")).isEqualTo("Kept title: too large");
        } finally {
            Files.deleteIfExists(text);
            Files.deleteIfExists(big);
        }
        assertThat(browser.driver().findElements(By.id("attachment-list"))).isEmpty();
    }

    private void submit(String title, Path file) {
        WebElement input = browser.find(By.id("attachment-title"));
        input.clear();
        input.sendKeys(title);
        if (file != null) {
            browser.find(By.id("attachment-file")).sendKeys(file.toAbsolutePath().toString());
        }
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#attachments form[enctype] button[type=submit]")));
    }

    private WebElement row(String attachmentId) {
        return browser.find(By.id("attachment-" + attachmentId));
    }

    private List<String> titles() {
        return browser.driver().findElements(By.cssSelector("#attachment-list .attachment-name a")).stream()
                .map(WebElement::getText).toList();
    }
}

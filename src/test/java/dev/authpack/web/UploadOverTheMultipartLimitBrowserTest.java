package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.TestPdfs;
import dev.authpack.support.ApiClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chromium, when the servlet's multipart limit is below the application's own upload limit (here
 * 1 MB against 25 MB; the same settings as {@link UploadOverTheLimitPageTest}, so the two share a
 * server): the case page refuses a larger file before sending it, so the title typed stays, and a
 * file under the limit still uploads.
 */
@SharedServiceTest(properties = {
        "spring.servlet.multipart.max-file-size=1MB", "spring.servlet.multipart.max-request-size=1MB"})
@ExtendWith(OpenBrowser.class)
class UploadOverTheMultipartLimitBrowserTest {

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void aFileOverTheServletLimitIsRefusedInThePageWithTheTitleKeptAndASmallerOneUploads() throws Exception {
        ApiClient api = new ApiClient(port);
        String caseId = api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine")).json()
                .get("id").asString();
        browser.logIn("north.billing", BillingDeskJourneyTest.PASSWORD);
        browser.go("/cases/" + caseId);
        Path big = Files.createTempFile("scanned-notes", ".pdf");
        Path small = Files.createTempFile("typed-notes", ".pdf");
        try {
            byte[] bytes = new byte[1_200_000];
            System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
            Files.write(big, bytes);
            Files.write(small, TestPdfs.notes(1, "SMALL"));

            browser.find(By.id("attachment-title")).sendKeys("Chart note 2026-11-20");
            WebElement file = browser.find(By.id("attachment-file"));
            file.sendKeys(big.toAbsolutePath().toString());
            WebElement page = browser.find(By.tagName("html"));
            browser.find(By.cssSelector("#attachments form[enctype] button[type=submit]")).click();

            WebElement note = browser.find(By.id("attachment-too-large"));
            assertThat(note.isDisplayed()).as("refused in the page").isTrue();
            assertThat(note.getText()).isEqualTo("The file is larger than the upload limit of 960 KB.");
            assertThat(note.getAttribute("role")).isEqualTo("alert");
            assertThat(file.getAttribute("aria-describedby")).isEqualTo("attachment-too-large");
            assertThat(file.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.isEnabled()).as("still the same page: nothing was sent").isTrue();
            assertThat(browser.find(By.id("attachment-title")).getAttribute("value")).isEqualTo("Chart note 2026-11-20");
            assertThat(api.get("/api/v1/cases/" + caseId + "/attachments", "north.billing").json()).isEmpty();

            file.sendKeys(small.toAbsolutePath().toString());
            assertThat(note.isDisplayed()).as("another file chosen: the message goes").isFalse();
            assertThat(file.getAttribute("aria-invalid")).isNull();
            browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#attachments form[enctype] button[type=submit]")));
            assertThat(browser.find(By.id("attachment-message")).getText()).isEqualTo("The attachment was uploaded.");
            assertThat(browser.driver().findElements(By.cssSelector("#attachment-list .attachment-name a")))
                    .extracting(WebElement::getText).containsExactly("Chart note 2026-11-20");
        } finally {
            Files.deleteIfExists(big);
            Files.deleteIfExists(small);
        }
    }
}

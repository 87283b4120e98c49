package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Submitted to the payer" on a case without a packet: the form could only be refused (a submission needs
 * a packet of the case), after the clerk filled it in. In its place the page says so and leads to Documents,
 * where the packet is generated; with a packet the form is there.
 */
@BrowserServiceTest
class SubmissionNeedsPacketBrowserTest {

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void withoutAPacketTheSubmissionSaysToGenerateItFirstInsteadOfOfferingAFormThatIsRefused() {
        String id = new LifecycleHttp(new ApiClient(port)).newCase();
        browser.logIn(LifecycleHttp.BILLING, "demo-pass-2026");
        browser.go("/cases/" + id);

        browser.find(By.xpath("//details[contains(@class,'event-form')]/summary[.='Submitted to the payer']")).click();
        WebElement note = browser.find(By.id("SUBMITTED-needs-packet"));
        assertThat(note.isDisplayed()).isTrue();
        assertThat(note.getText()).contains("A submission needs a packet of this case", "generate it first");
        assertThat(browser.driver().findElements(By.id("event-form-SUBMITTED"))).as("no form that is refused").isEmpty();
        assertThat(browser.driver().findElements(By.id("record-SUBMITTED"))).isEmpty();

        WebElement toDocuments = note.findElement(By.tagName("a"));
        assertThat(toDocuments.getDomAttribute("href")).isEqualTo("#documents");
        assertThat(browser.find(By.id("generate-packet")).isDisplayed()).as("where the link leads").isTrue();
        browser.clickAndWaitForNextPage(browser.find(By.id("generate-packet")));

        browser.find(By.xpath("//details[contains(@class,'event-form')]/summary[.='Submitted to the payer']")).click();
        assertThat(browser.driver().findElements(By.id("SUBMITTED-needs-packet"))).isEmpty();
        assertThat(browser.find(By.id("record-SUBMITTED")).isDisplayed()).isTrue();
    }
}

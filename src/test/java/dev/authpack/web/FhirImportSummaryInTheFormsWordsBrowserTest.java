package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.SharedServiceTest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chromium, a clerk imports a FHIR bundle from the page and lands on the draft's form: the summary above
 * the fields names each field as the form labels it, not by its JSON path, and its link goes to the input.
 * The published PAS example carries a prescriber NPI of 9 digits, which the case refuses.
 */
@SharedServiceTest
@ExtendWith(OpenBrowser.class)
class FhirImportSummaryInTheFormsWordsBrowserTest {

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void aRefusedNpiIsListedByItsLabelAndItsLinkPutsTheCursorInTheNpiInput() throws Exception {
        browser.logIn("north.billing", BillingDeskJourneyTest.PASSWORD);
        browser.go("/cases/import");
        Path bundle = Files.createTempFile("pas-bundle", ".json");
        try (InputStream in = getClass().getResourceAsStream("/fhir/conformant_pas_bundle_v110.json")) {
            Files.write(bundle, in.readAllBytes());
            browser.find(By.id("fhir-file")).sendKeys(bundle.toAbsolutePath().toString());
            browser.clickAndWaitForNextPage(browser.find(By.id("fhir-import")));
        } finally {
            Files.deleteIfExists(bundle);
        }
        assertThat(browser.path()).matches("/cases/[0-9a-f-]{36}/edit");

        WebElement summary = browser.find(By.id("fhir-import-summary"));
        WebElement npiLine = summary.findElements(By.cssSelector("details[open] li")).stream()
                .filter(li -> li.getText().contains("left out: must be 10 digits")).findFirst().orElseThrow();
        assertThat(npiLine.getText()).startsWith("Practitioner/").contains(": Prescriber NPI left out: must be 10 digits")
                .doesNotContain("prescriber.npi");
        WebElement link = npiLine.findElement(By.tagName("a"));
        assertThat(link.getText()).isEqualTo("Prescriber NPI");
        link.click();
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).as("the input with the focus")
                .isEqualTo("prescriber-npi");

        // what was taken is named the same way; every link reaches a field of the form, none reads as a path
        browser.find(By.cssSelector("#fhir-import-summary details:not([open]) summary")).click();
        List<WebElement> links = summary.findElements(By.cssSelector("a"));
        assertThat(links).extracting(WebElement::getText).contains("First name", "Last name", "Payer", "Facility NPI");
        for (WebElement a : links) {
            String target = a.getAttribute("href").replaceFirst(".*#", "");
            assertThat(browser.driver().findElements(By.id(target))).as("the field of the link %s", a.getText()).hasSize(1);
        }
        assertThat(summary.getText()).doesNotContain("patient.firstName", "prescriber.npi", "coverage.payerName");
    }
}

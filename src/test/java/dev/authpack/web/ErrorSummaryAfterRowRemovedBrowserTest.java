package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The case form came back with a problem in a medication trial row, and the clerk removes that row: the
 * summary's line about it (a link to a field no longer on the page, about a row that will not be sent) is
 * hidden while the row is out, and back with "Undo". Found by the random walker of session 22, which
 * checks after every step that each link of the error summary leads to a field.
 */
@BrowserServiceTest
class ErrorSummaryAfterRowRemovedBrowserTest {

    Browser browser;

    @Test
    void aSummaryLineAboutARemovedRowIsHiddenUntilUndo() {
        browser.logIn("north.billing", "demo-pass-2026");
        browser.go("/cases/new");
        browser.find(By.cssSelector("[data-add-row='medicationTrials']")).click();
        Browser.typeDate(browser.byName("medicationTrials[0].startDate"), LocalDate.of(2026, 5, 1));
        Browser.typeDate(browser.byName("medicationTrials[0].endDate"), LocalDate.of(2026, 3, 1));
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#case-form > .toolbar button")));

        WebElement line = browser.find(By.cssSelector("#error-summary a[href='#medicationTrials-0-endDate']"));
        assertThat(line.isDisplayed()).as("the summary names the trial's end date").isTrue();

        browser.find(By.cssSelector("#medicationTrials-0 [data-remove-row]")).click();

        assertThat(browser.driver().findElements(By.id("medicationTrials-0-endDate"))).as("row removed").isEmpty();
        assertThat(line.isDisplayed()).as("the line about the removed row").isFalse();

        browser.find(By.id("row-undo")).click();

        assertThat(line.isDisplayed()).as("the line is back with the row").isTrue();
        assertThat(browser.find(By.id("error-summary")).isDisplayed()).isTrue();
    }
}

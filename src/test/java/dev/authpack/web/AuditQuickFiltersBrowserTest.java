package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Collator;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * "Who saw patient X's packet last week?" took an auditor 16 keystrokes of dates, and the Action list's ~60 entries
 * came in the order of their code names, not of the words it shows. The page now has Today, Last 7 days and Last 30
 * days beside the dates (whole days in UTC, today included, as From and To count them), and lists the actions
 * alphabetically by their words.
 */
@BrowserServiceTest
class AuditQuickFiltersBrowserTest {

    Browser browser;

    @Test
    void lastSevenDaysFillsFromAndToAndKeepsWhatWasTypedInTheOtherFilters() {
        browser.logIn("admin", BillingDeskJourneyTest.PASSWORD);
        browser.go("/admin/audit");
        browser.find(By.id("f-user")).sendKeys("admin");
        new Select(browser.find(By.id("f-action"))).selectByValue("LOGIN");

        browser.clickAndWaitForNextPage(browser.find(By.xpath("//form[contains(@class,'audit-filters')]"
                + "//button[normalize-space()='Last 7 days']")));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(browser.find(By.id("f-from")).getDomProperty("value")).isEqualTo(today.minusDays(6).toString());
        assertThat(browser.find(By.id("f-to")).getDomProperty("value")).isEqualTo(today.toString());
        assertThat(browser.find(By.id("f-user")).getDomProperty("value")).isEqualTo("admin");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("table.audit tbody tr"));
        assertThat(rows).as("this sign-in, found with the range").isNotEmpty()
                .allSatisfy(r -> assertThat(r.getDomAttribute("data-action")).isEqualTo("LOGIN"));
        assertThat(browser.find(By.id("audit-csv")).getDomAttribute("href"))
                .as("the export selects what the page shows, by its dates")
                .contains("from=" + today.minusDays(6), "to=" + today).doesNotContain("range");

        browser.clickAndWaitForNextPage(browser.find(By.xpath("//button[normalize-space()='Today']")));
        assertThat(browser.find(By.id("f-from")).getDomProperty("value")).isEqualTo(today.toString());
        assertThat(browser.find(By.id("f-to")).getDomProperty("value")).isEqualTo(today.toString());
    }

    @Test
    void aRangeThePageDoesNotOfferIsNamedAsTheProblemAndNothingIsShown() {
        browser.logIn("admin", BillingDeskJourneyTest.PASSWORD);
        browser.go("/admin/audit?range=week");

        assertThat(browser.find(By.cssSelector(".alert.error")).getText())
                .isEqualTo("range: must be today, 7 or 30 (days up to today, in UTC)");
        assertThat(browser.driver().findElements(By.cssSelector("table.audit"))).isEmpty();
    }

    @Test
    void theActionListIsInTheOrderOfTheWordsItShows() {
        browser.logIn("admin", BillingDeskJourneyTest.PASSWORD);
        browser.go("/admin/audit");

        List<String> shown = new Select(browser.find(By.id("f-action"))).getOptions().stream()
                .skip(1) // "Any action"
                .map(WebElement::getText).toList();

        Collator collator = Collator.getInstance(Locale.ENGLISH);
        assertThat(shown).hasSizeGreaterThan(50).isSortedAccordingTo(collator::compare);
    }
}

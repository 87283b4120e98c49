package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * In Chromium: a clerk types amounts, a percentage, NPIs and a phone the way they are written on
 * paper, makes two mistakes, lands on the error summary (focus on it, rows named, form order, a link
 * to each field), fixes them, and the saved case holds the values as the contract writes them.
 */
@BrowserServiceTest
class CaseFormErrorSummaryTest {

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void clerkWrittenValuesSaveAndMistakesAreListedWithFocusOnTheSummary() {
        browser.logIn("north.billing", "demo-pass-2026");
        browser.go("/cases/new");
        new Select(browser.byName("policyId")).selectByValue("esketamine-standard");
        type("patient.lastName", "Summary-Browser");
        type("coverage.deductibleRemaining", "$1,500.00");
        type("coverage.coinsurancePct", "20%");
        type("prescriber.npi", "1234-567-893");
        type("prescriber.phone", "(555) 123-4567");
        type("facility.npi", "124 531 9599");
        type("facility.tin", "12-3456789");
        type("medicationTrials[0].drug", "sertraline");
        browser.find(By.cssSelector("[data-add-row='medicationTrials']")).click();
        type("medicationTrials[1].drug", "venlafaxine");
        Browser.typeDate(browser.byName("medicationTrials[1].startDate"), LocalDate.parse("2025-05-01"));
        Browser.typeDate(browser.byName("medicationTrials[1].endDate"), LocalDate.parse("2025-04-20"));
        type("request.lines[0].code", "G2083");
        type("request.lines[0].chargePerUnit", "$1,45");
        save();

        WebElement summary = browser.find(By.id("error-summary"));
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(summary);
        List<WebElement> links = summary.findElements(By.tagName("a"));
        assertThat(links).extracting(WebElement::getText).containsExactly(
                "Trial 2: end date is before the start date",
                "Line 1: charge per unit ($) is not an amount: write it like 1,500.00 or $1,500");
        links.get(0).click();
        assertThat(browser.driver().switchTo().activeElement().getDomAttribute("name")).isEqualTo("medicationTrials[1].endDate");
        assertThat(browser.byName("coverage.deductibleRemaining").getDomProperty("value")).isEqualTo("$1,500.00");
        browser.screenshot("case-form-summary");

        WebElement end = browser.byName("medicationTrials[1].endDate");
        end.clear();
        Browser.typeDate(end, LocalDate.parse("2025-07-20"));
        type("request.lines[0].chargePerUnit", "$1,450");
        save();
        assertThat(browser.path()).matches("/cases/[0-9a-f-]{36}");

        JsonNode saved = new ApiClient(port).get("/api/v1" + browser.path(), "north.billing").json();
        assertThat(saved.at("/coverage/deductibleRemaining").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(saved.at("/coverage/coinsurancePct").decimalValue()).isEqualByComparingTo("20");
        assertThat(saved.at("/prescriber/npi").asString()).isEqualTo("1234567893");
        assertThat(saved.at("/prescriber/phone").asString()).isEqualTo("555-123-4567");
        assertThat(saved.at("/facility/npi").asString()).isEqualTo("1245319599");
        assertThat(saved.at("/request/lines/0/chargePerUnit").decimalValue()).isEqualByComparingTo("1450");
        assertThat(saved.at("/request/phase").asString()).isEqualTo("INITIAL");
        assertThat(saved.at("/request/urgent").asBoolean(true)).isFalse();
    }

    /**
     * Chromium sends a date typed only in part (month and day, no year yet) as an empty value: the case
     * was saved without it, "The case was saved.", and an end date being corrected was lost the same way.
     */
    @Test
    void aDateTypedOnlyInPartIsListedInsteadOfBeingSavedEmpty() {
        browser.logIn("north.billing", "demo-pass-2026");
        browser.go("/cases/new");
        type("patient.lastName", "Half-Typed-Date");
        browser.byName("patient.dateOfBirth").sendKeys("0314");
        type("medicationTrials[0].drug", "sertraline");
        browser.byName("medicationTrials[0].startDate").sendKeys("02");
        save();

        assertThat(browser.path()).isEqualTo("/cases/new");
        assertThat(browser.find(By.id("error-summary")).findElements(By.tagName("a"))).extracting(WebElement::getText)
                .containsExactly("Date of birth is not a full date: enter the month, the day and the year",
                        "Trial 1: start date is not a full date: enter the month, the day and the year");
        assertThat(browser.byName("patient.lastName").getDomProperty("value")).isEqualTo("Half-Typed-Date");
        assertThat(browser.byName("medicationTrials[0].drug").getDomProperty("value")).isEqualTo("sertraline");
    }

    private void type(String name, String text) {
        WebElement input = browser.byName(name);
        input.clear();
        input.sendKeys(text);
    }

    private void save() {
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#case-form .toolbar button.primary")));
    }
}

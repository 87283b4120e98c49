package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The billing desk without a mouse: sign in, tab through the whole case form (every control
 * reached, in reading order, each labelled, focus visible), add a row with the keyboard, and save
 * with Enter.
 */
@BrowserServiceTest
class CaseFormKeyboardTest {

    private static final int MAX_TABS = 300;

    Browser browser;

    @Test
    void clerkReachesEveryFieldInOrderAddsARowAndSavesWithTheKeyboardOnly() {
        browser.go("/login");
        active().sendKeys("north.billing", Keys.TAB);
        WebElement password = active();
        assertThat(password.getDomAttribute("name")).isEqualTo("password");
        browser.pressAndWaitForNextPage(password, "demo-pass-2026" + Keys.ENTER);
        assertThat(browser.path()).isEqualTo("/worklist"); // the billing desk starts from its worklist

        browser.go("/cases/new");
        assertThat(active().getDomAttribute("name")).as("focused on opening").isEqualTo("policyId");
        List<String> reached = tabThroughForm();
        Set<String> controls = new LinkedHashSet<>(browser.driver().findElements(
                By.cssSelector("#case-form input:not([type=hidden]), #case-form select")).stream()
                .map(e -> e.getDomAttribute("name")).toList());
        assertThat(reached).containsAll(controls);
        assertThat(reached).containsSubsequence("policyId", "coverage.payerName", "patient.firstName", "patient.lastName",
                "coverage.planType", "prescriber.npi", "facility.tin", "diagnosis.icd10", "assessments[0].score",
                "medicationTrials[0].drug", "medicationTrials[0].endDate", "psychotherapy[0].modality",
                "screening.systolic", "request.treatment", "request.lines[0].code");

        focusByTabbing("[data-add-row='medicationTrials']");
        active().sendKeys(Keys.ENTER);
        assertThat(active().getDomAttribute("name")).isEqualTo("medicationTrials[1].drug");
        active().sendKeys("bupropion", Keys.TAB);
        assertThat(new Select(browser.byName("medicationTrials[1].drugClass")).getFirstSelectedOption()
                .getDomAttribute("value")).isEqualTo("BUPROPION");

        browser.pressAndWaitForNextPage(browser.byName("medicationTrials[1].drug"), Keys.ENTER);
        assertThat(browser.path()).matches("/cases/[0-9a-f-]{36}");
        assertThat(browser.find(By.id("missing-fields")).getText()).contains("First name", "Requested start date");
    }

    /** Presses Tab from the field focused on opening until the form's last button; the names focused, that one first. */
    private List<String> tabThroughForm() {
        List<String> reached = new ArrayList<>(List.of(active().getDomAttribute("name")));
        WebElement last = browser.driver().findElements(By.cssSelector("#case-form > .toolbar button")).get(1);
        for (int i = 0; i < MAX_TABS; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            WebElement focused = active();
            if (focused.equals(last)) {
                return reached;
            }
            String tag = focused.getTagName();
            if (tag.equals("input") || tag.equals("select")) {
                assertThat(isLabelled(focused)).as("label of %s", focused.getDomAttribute("name")).isTrue();
                assertThat(focused.getCssValue("outline-style")).as("focus outline of %s", focused.getDomAttribute("name"))
                        .isNotEqualTo("none");
                reached.add(focused.getDomAttribute("name"));
            }
        }
        throw new AssertionError("the Save button at the end of the form was not reached in " + MAX_TABS + " tabs");
    }

    private void focusByTabbing(String css) {
        WebElement target = browser.find(By.cssSelector(css));
        for (int i = 0; i < MAX_TABS && !active().equals(target); i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        }
        assertThat(active()).isEqualTo(target);
    }

    private boolean isLabelled(WebElement control) {
        Object text = ((JavascriptExecutor) browser.driver()).executeScript(
                "return Array.from(arguments[0].labels).map(l => l.textContent.trim()).join(' ');", control);
        return text instanceof String s && !s.isBlank();
    }

    private WebElement active() {
        return browser.driver().switchTo().activeElement();
    }
}

package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;

/**
 * "New case" opens with its first field (the payer policy) focused, so the clerk types at once. The page opened with
 * focus on the page itself: ten presses of Tab (skip link, brand, menu, Sign out, Save, Cancel) before the first
 * field. The edit form is opened at a section (#assessments from the case page) and keeps its place there.
 */
@BrowserServiceTest
class NewCaseFormFocusBrowserTest {

    Browser browser;

    @Test
    void theNewCaseFormOpensWithItsFirstFieldFocused() {
        browser.logIn("north.billing", EventFormDraftAfterSessionExpiryBrowserTest.PASSWORD);
        browser.go("/cases/new");

        assertThat(focusedSoon()).isEqualTo("policyId");
    }

    @Test
    void theEditFormOpenedAtASectionKeepsItsPlaceInsteadOfJumpingToTheFirstField() {
        browser.logIn("north.billing", EventFormDraftAfterSessionExpiryBrowserTest.PASSWORD);
        browser.go("/cases/new");
        browser.pressAndWaitForNextPage(browser.byName("patient.lastName"), "Focus", Keys.ENTER);
        String casePath = browser.path();
        assertThat(casePath).matches("/cases/[0-9a-f-]{36}");

        browser.go(casePath + "/edit#assessments");

        assertThat(focusedSoon()).isNotEqualTo("policyId");
        assertThat(browser.find(By.id("assessments")).getRect().getY() - scrollY())
                .as("the section's top from the window's top").isBetween(-5L, 5L);
    }

    /** The focused element's id once the page has settled (the browser's scroll to the address's #fragment included). */
    private String focusedSoon() {
        return (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[0]; window.requestAnimationFrame(function () { setTimeout(function () {"
                        + " done(document.activeElement.id); }, 300); });");
    }

    private long scrollY() {
        return ((Number) ((JavascriptExecutor) browser.driver()).executeScript("return Math.round(window.scrollY);")).longValue();
    }
}

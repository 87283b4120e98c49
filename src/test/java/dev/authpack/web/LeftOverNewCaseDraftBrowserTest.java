package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A billing clerk starts a new case, types a patient's name and leaves it unsaved (no sign-out); the next "New
 * case" the clerk opens in that browser, within the draft's 24 hours, perhaps for another patient, gets it back.
 * The note says it is an unsaved new case typed earlier, and one click on its link discards it for an empty
 * form. The note said only "What you typed earlier … is back", with no way to drop it but emptying every field.
 */
@BrowserServiceTest
class LeftOverNewCaseDraftBrowserTest {

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void aNewCaseLeftUnsavedComesBackSaidSoAndOneClickStartsAnEmptyForm() {
        browser.logIn("north.billing", EventFormDraftAfterSessionExpiryBrowserTest.PASSWORD);
        browser.go("/cases/new");
        // leaving the field (Tab) fires its change event, which saves the draft once more a moment later: left
        // to switching tabs, that save could land after the draft was discarded below and bring it back
        browser.byName("patient.lastName").sendKeys("Leftover", Keys.TAB);
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5)).until(d -> !drafts().isEmpty());

        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.go("/cases/new");
        assertThat(browser.byName("patient.lastName").getDomProperty("value")).isEqualTo("Leftover");
        WebElement note = browser.find(By.id("draft-restored"));
        assertThat(note.isDisplayed()).isTrue();
        assertThat(note.getText()).contains("A new case typed earlier in this browser and not saved is back in the form",
                "not saved yet", "check it is the patient you mean");
        WebElement discard = browser.find(By.id("discard-draft"));
        assertThat(discard.getText()).isEqualTo("Discard it and start an empty form");

        browser.clickAndWaitForNextPage(discard);
        assertThat(browser.path()).isEqualTo("/cases/new");
        assertThat(browser.byName("patient.lastName").getDomProperty("value")).isEmpty();
        assertThat(browser.find(By.id("draft-restored")).isDisplayed()).isFalse();
        assertThat(drafts()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<String> drafts() {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
                "return Object.keys(localStorage).filter(k => k.indexOf('authpack.draft.') === 0);");
    }
}

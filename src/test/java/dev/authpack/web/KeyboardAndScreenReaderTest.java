package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the keyboard-only walk of every page found (session 23): the case form's Undo button shown and in the
 * tab order with nothing to undo, rows whose repeated labels and "Remove row 1" buttons could not be told
 * apart by a screen reader, refused forms outside the case form coming back with focus at the top of the
 * page (their problem neither focused nor read out), and the users table's buttons without their user.
 */
@BrowserServiceTest
class KeyboardAndScreenReaderTest {

    private static final String PASSWORD = "demo-pass-2026";
    private static final int MAX_TABS = 400;

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void theUndoButtonIsNeitherShownNorReachedByTabUntilARowIsRemoved() {
        browser.logIn("north.billing", PASSWORD);
        browser.go("/cases/new");

        assertThat(browser.find(By.id("row-undo")).isDisplayed()).as("Undo shown with nothing to undo").isFalse();
        assertThat(tabThroughThePage()).as("focused by Tab").doesNotContain("row-undo");
    }

    @Test
    void eachRowIsAGroupNamedByItsHeadingAndItsRemoveButtonNamesItsList() {
        browser.logIn("north.billing", PASSWORD);
        browser.go("/cases/new");

        assertThat(removeButtonNames()).containsExactly("Remove score 1", "Remove trial 1", "Remove course 1", "Remove line 1");
        WebElement trial = browser.find(By.id("medicationTrials-0"));
        assertThat(trial.getAriaRole()).isEqualTo("group");
        assertThat(trial.getAccessibleName()).isEqualTo("Trial 1");

        browser.find(By.cssSelector("[data-add-row='medicationTrials']")).sendKeys(Keys.ENTER);
        WebElement added = browser.driver().switchTo().activeElement();
        assertThat(added.getDomAttribute("name")).isEqualTo("medicationTrials[1].drug");
        assertThat(browser.find(By.id("medicationTrials-1")).getAccessibleName()).isEqualTo("Trial 2");

        browser.find(By.cssSelector("#medicationTrials-0 [data-remove-row]")).sendKeys(Keys.ENTER);
        assertThat(browser.find(By.id("medicationTrials-1")).getAccessibleName()).as("renumbered").isEqualTo("Trial 1");
        assertThat(removeButtonNames()).contains("Remove trial 1").doesNotContain("Remove trial 2");
    }

    /** The ids (or names) of what Tab reaches from the top of the page to its end. */
    private List<String> tabThroughThePage() {
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < MAX_TABS; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.driver().switchTo().activeElement();
            if (focused.getTagName().equals("body")) {
                return reached;
            }
            String id = focused.getDomAttribute("id");
            reached.add(id == null || id.isEmpty() ? String.valueOf(focused.getDomAttribute("name")) : id);
        }
        throw new AssertionError("no end of the page after " + MAX_TABS + " tabs");
    }

    private List<String> removeButtonNames() {
        return browser.driver().findElements(By.cssSelector("[data-remove-row]")).stream()
                .map(WebElement::getAccessibleName).toList();
    }
}

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

    @Test
    void aRefusedEventComesBackWithFocusOnWhatWasRefused() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.caseWithPacket();
        lifecycle.ok(id, LifecycleHttp.submitted(LocalDate.now().minusDays(3)));
        browser.logIn("north.billing", PASSWORD);
        browser.go("/cases/" + id);
        WebElement summary = browser.find(By.cssSelector("details:has(#event-form-APPROVED) > summary"));
        summary.sendKeys(Keys.ENTER);
        browser.byName("authorizationNumber").sendKeys("AUTH-1");
        Browser.typeDate(browser.find(By.id("APPROVED-approvedFrom")), LocalDate.now().plusDays(10));
        Browser.typeDate(browser.find(By.id("APPROVED-approvedTo")), LocalDate.now().plusDays(1));

        browser.pressAndWaitForNextPage(browser.find(By.id("APPROVED-approvedSessions")), "4", Keys.ENTER);

        assertThat(browser.driver().getCurrentUrl()).endsWith("#authorization");
        assertThat(focusedSoon()).isEqualTo("event-problems");
    }

    @Test
    void aRecordedEventIsConfirmedWhereThePageOpensAndTheConfirmationHasFocus() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.caseWithPacket();
        browser.logIn("north.billing", PASSWORD);
        browser.go("/cases/" + id);
        browser.find(By.cssSelector("details:has(#event-form-SUBMITTED) > summary")).sendKeys(Keys.ENTER);
        Browser.typeDate(browser.find(By.id("SUBMITTED-date")), LocalDate.now().minusDays(1));

        browser.pressAndWaitForNextPage(browser.find(By.id("SUBMITTED-date")), Keys.ENTER);

        assertThat(browser.driver().getCurrentUrl()).endsWith("#authorization");
        assertThat(focusedSoon()).isEqualTo("event-recorded");
        WebElement recorded = browser.find(By.id("event-recorded"));
        assertThat(recorded.getText()).isEqualTo("The event was recorded.");
        assertThat(recorded.findElement(By.xpath("ancestor::section[@id='authorization']"))).isNotNull();
        Boolean inView = (Boolean) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
                recorded);
        assertThat(inView).as("the confirmation is on screen").isTrue();
    }

    @Test
    void aRefusedUploadComesBackWithFocusOnItsProblem() {
        String id = new LifecycleHttp(new ApiClient(port)).newCase();
        browser.logIn("north.billing", PASSWORD);
        browser.go("/cases/" + id);

        browser.pressAndWaitForNextPage(browser.find(By.id("attachment-title")), "Progress note", Keys.ENTER);

        assertThat(focusedSoon()).isEqualTo("attachment-problem");
    }

    @Test
    void aRefusedClinicProfileComesBackWithFocusOnItsProblemsWhichNameTheProfile() {
        browser.logIn("north.billing", PASSWORD);
        browser.go("/clinic/profile");
        WebElement npi = browser.find(By.id("facilityNpi"));
        npi.clear();

        browser.pressAndWaitForNextPage(npi, "12", Keys.ENTER);

        assertThat(focusedSoon()).isEqualTo("form-errors");
        assertThat(browser.find(By.id("form-errors")).getText()).startsWith("The clinic profile was not saved.");
    }

    @Test
    void aRefusedNewUserComesBackWithFocusOnItsProblems() {
        browser.logIn("admin", PASSWORD);
        browser.go("/admin/users");
        // a user name that is taken: refused by the service (a clinic not chosen is asked for by the browser first)
        browser.find(By.id("new-username")).sendKeys("north.billing");
        new Select(browser.find(By.id("new-role"))).selectByValue("BILLING");
        new Select(browser.find(By.id("new-clinic"))).selectByValue("north");

        browser.pressAndWaitForNextPage(browser.find(By.id("new-password")), "walk-the-desk-by-keyboard", Keys.ENTER);

        WebElement focused = browser.driver().switchTo().activeElement();
        assertThat(focused.getDomAttribute("role")).isEqualTo("alert");
        assertThat(focused.getText()).contains("User name is taken");
    }

    @Test
    void everyControlOfTheUsersTableNamesItsUser() {
        browser.logIn("admin", PASSWORD);
        browser.go("/admin/users");

        List<String> names = new ArrayList<>();
        for (WebElement control : browser.driver().findElements(By.cssSelector("table.users button, table.users input:not([type=hidden]), table.users select"))) {
            names.add(control.getAccessibleName());
        }

        assertThat(names).doesNotHaveDuplicates()
                .contains("Reset password of north.billing", "Disable north.clinic", "Change role or clinic of south.billing",
                        "Password of north.billing", "Role of north.billing", "Clinic of north.billing");
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

    /** The focused element's id once the page has settled (the browser's scroll to the address's #fragment included). */
    private String focusedSoon() {
        return (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[0]; window.requestAnimationFrame(function () { setTimeout(function () {"
                        + " done(document.activeElement.id); }, 300); });");
    }
}

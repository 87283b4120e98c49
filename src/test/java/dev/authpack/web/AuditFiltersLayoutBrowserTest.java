package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

/**
 * The audit log's filters at the desk's usual width. The Action list was as wide as its longest action (up to 91
 * characters: "sent an API write again with its Idempotency-Key: ..."), so at 1280 px the filters broke over three
 * lines, "To (date)" alone on the last one, away from "From (date)". Each filter now has its share of one row, the
 * list as narrow as its column. Narrower windows: ReflowBrowserTest (no sideways scrolling down to 320 px).
 */
@BrowserServiceTest
class AuditFiltersLayoutBrowserTest {

    Browser browser;

    @Test
    void theAuditLogsFiltersAndItsButtonAreOnOneRowAt1280Pixels() {
        browser.logIn("admin", BillingDeskJourneyTest.PASSWORD);
        browser.go("/admin/audit");

        List<WebElement> controls = browser.driver().findElements(By.cssSelector(
                "form.filters .field input, form.filters .field select, form.filters > button"));
        assertThat(controls).hasSize(8);
        Rectangle first = controls.get(0).getRect();
        Rectangle form = browser.find(By.cssSelector("form.filters")).getRect();
        for (WebElement control : controls) {
            Rectangle at = control.getRect();
            String name = control.getDomAttribute("name") != null ? control.getDomAttribute("name") : control.getText();
            assertThat(at.getY() + at.getHeight() / 2).as("the middle of %s, beside %s's", name,
                    controls.get(0).getDomAttribute("name")).isBetween(first.getY(), first.getY() + first.getHeight());
            assertThat(at.getX() + at.getWidth()).as("the right edge of %s, within the form's", name)
                    .isLessThanOrEqualTo(form.getX() + form.getWidth());
        }
    }
}

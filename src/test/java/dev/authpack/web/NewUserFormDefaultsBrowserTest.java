package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The users page's new-user form loaded with role "Billing clerk" and no clinic, which the service refuses; the
 * refusal cannot give back the password typed (a password is never echoed), so every new clerk cost a second
 * load and the password typed again. The browser now asks for a clinic before sending while the role needs one,
 * and not for an administrator; and the form, below a table that grows with the users, is linked from the top.
 */
@BrowserServiceTest
class NewUserFormDefaultsBrowserTest {

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void aClerkWithoutAClinicIsAskedForOneBeforeTheFormIsSentAndTheTypedPasswordStays() {
        browser.logIn("admin", BillingDeskJourneyTest.PASSWORD);
        browser.go("/admin/users");
        String name = "clerk" + UUID.randomUUID().toString().substring(0, 8);
        browser.find(By.id("new-username")).sendKeys(name);
        WebElement password = browser.find(By.id("new-password"));
        password.sendKeys("copper kettle morning rain");
        assertThat(new Select(browser.find(By.id("new-role"))).getFirstSelectedOption().getAttribute("value"))
                .as("the role the form loads with").isEqualTo("BILLING");

        browser.find(By.cssSelector("form.create-user button[type=submit]")).click();

        WebElement clinic = browser.find(By.id("new-clinic"));
        assertThat(js().executeScript("return arguments[0].validity.valueMissing", clinic))
                .as("the clinic, asked for by the browser before sending").isEqualTo(true);
        assertThat(browser.driver().findElements(By.cssSelector("[id^=create-problem]")))
                .as("no refusal from the server: nothing was sent").isEmpty();
        assertThat(browser.find(By.id("new-password")).getAttribute("value")).as("the password typed")
                .isEqualTo("copper kettle morning rain");

        new Select(clinic).selectByValue("north");
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.create-user button[type=submit]")));
        assertThat(browser.find(By.tagName("main")).getText()).contains("User " + name + " was created.");
    }

    @Test
    void anAdministratorIsCreatedWithoutAClinic() {
        browser.logIn("admin", BillingDeskJourneyTest.PASSWORD);
        browser.go("/admin/users");
        String name = "admin" + UUID.randomUUID().toString().substring(0, 8);
        browser.find(By.id("new-username")).sendKeys(name);
        browser.find(By.id("new-password")).sendKeys("copper kettle morning rain");
        new Select(browser.find(By.id("new-role"))).selectByValue("ADMIN");

        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.create-user button[type=submit]")));

        assertThat(browser.find(By.tagName("main")).getText()).contains("User " + name + " was created.");
    }

    @Test
    void theNewUserFormIsLinkedFromAboveTheTable() {
        browser.logIn("admin", BillingDeskJourneyTest.PASSWORD);
        browser.go("/admin/users");
        WebElement link = browser.find(By.cssSelector("a[href='#new-user']"));
        assertThat((Boolean) js().executeScript("return arguments[0].compareDocumentPosition(document.querySelector("
                + "'table.users')) === Node.DOCUMENT_POSITION_FOLLOWING", link)).as("the link comes before the table")
                .isTrue();
        assertThat((Boolean) js().executeScript("var r = arguments[0].getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight", link)).as("the link, seen without scrolling")
                .isTrue();

        link.click();

        assertThat((Boolean) js().executeScript("var r = document.getElementById('new-username').getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight")).as("the form's first field, after the link")
                .isTrue();
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver();
    }
}

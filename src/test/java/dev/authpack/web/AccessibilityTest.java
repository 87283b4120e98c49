package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.TestPdfs;
import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every page of the desk and of the admin, checked by axe-core in Chromium (WCAG 2.1 A and AA: no
 * violation), and the layout with a 200-character unbroken patient name: the list and the
 * documents pages stay as wide as the window, also on a 390-pixel phone, and not absurdly tall.
 */
@BrowserServiceTest
class AccessibilityTest {

    static final String LONG_NAME = "W".repeat(200);

    @LocalServerPort
    int port;
    Browser browser;

    @BeforeEach
    void axeInstalled() {
        Axe.assumeInstalled();
    }

    @Test
    void noPageHasAnAccessibilityViolationAndALongNameWidensNothing() {
        String caseId = longNameCaseWithPacket();
        browser.go("/login");
        check("/login");
        browser.logIn("north.billing", BillingDeskJourneyTest.PASSWORD);
        for (String path : new String[] {"/cases", "/cases/new", "/cases/" + caseId, "/cases/" + caseId + "/edit",
                "/documents"}) {
            browser.go(path);
            check(path);
            assertThat(overflow()).as("horizontal overflow of %s at 1280 px", path).isLessThanOrEqualTo(0);
        }
        browser.go("/documents");
        // a row, not the page: how tall the page is depends on how many documents the clinic has
        assertThat(longNameRowHeight()).as("height of the documents row with the long name").isLessThan(250);
        // the filter as typed, then the sentence and the button when nothing matches
        browser.find(By.id("q")).sendKeys(LONG_NAME.substring(0, 20));
        new Select(browser.find(By.id("kind"))).selectByValue("PACKET");
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.filters button.primary")));
        check("/documents searched");
        browser.find(By.id("q")).sendKeys(" nobody");
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.filters button.primary")));
        assertThat(browser.find(By.id("document-count")).getText()).isEqualTo("No documents match.");
        check("/documents with no match");
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#show-all button")));

        browser.go("/cases/new");
        browser.byName("request.sessions").sendKeys("eight");
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#case-form .toolbar button.primary")));
        check("/cases/new with an error");
        clinicProfilePages();

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        for (String path : new String[] {"/cases", "/cases/" + caseId, "/documents"}) {
            browser.go(path);
            assertThat(overflow()).as("horizontal overflow of %s at 390 px", path).isLessThanOrEqualTo(0);
        }
        browser.go("/cases");
        browser.screenshot("case-list-phone");
        browser.driver().manage().window().setSize(new Dimension(1280, 1024));
        browser.logOut();

        browser.logIn("admin", BillingDeskJourneyTest.PASSWORD);
        for (String path : new String[] {"/admin", "/admin/users", "/admin/clinics", "/admin/audit", "/admin/policies"}) {
            browser.go(path);
            check(path);
        }
        browser.go("/admin/users");
        // a user name that is taken, which the service refuses (a clinic not chosen is asked for by the browser)
        browser.find(By.id("new-username")).sendKeys("north.billing");
        new Select(browser.find(By.id("new-role"))).selectByValue("BILLING");
        new Select(browser.find(By.id("new-clinic"))).selectByValue("north");
        browser.find(By.id("new-password")).sendKeys("Axe-Check-Password-2026");
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.create-user button[type=submit]")));
        assertThat(browser.find(By.cssSelector("[role=alert]")).getText()).contains("User name is taken");
        check("/admin/users with an error");
        browser.go("/admin/audit?from=not-a-date");
        assertThat(browser.find(By.cssSelector("[role=alert]")).getText()).contains("from");
        check("/admin/audit with an error");
        browser.go("/admin/clinics");
        browser.screenshot("admin-clinics");
        browser.find(By.id("new-id")).sendKeys("Not An Id");
        browser.find(By.id("new-name")).sendKeys("Axe Clinic");
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.create-clinic button")));
        assertThat(browser.find(By.id("create-problems")).getText()).contains("Clinic id");
        check("/admin/clinics with an error");
    }

    /** The check above can fail: an image planted without a text alternative is a violation axe names. */
    @Test
    void aViolationPlantedInAPageIsFound() {
        browser.go("/login");
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.body.appendChild(document.createElement('img')).src = 'data:,';");

        assertThat(Axe.violations(browser)).anyMatch(v -> v.startsWith("image-alt: "));
    }

    /** The clinic profile with and without errors, and the form that uses it (prescriber list, duplicate warning). */
    private void clinicProfilePages() {
        try {
            browser.go("/clinic/profile");
            check("/clinic/profile (empty)");
            browser.byName("facilityNpi").sendKeys("123");
            browser.byName("prescribers[0].name").sendKeys("Alex Morgan, MD");
            browser.byName("prescribers[0].npi").sendKeys("1234567893");
            browser.clickAndWaitForNextPage(browser.find(By.id("clinic-profile-save")));
            check("/clinic/profile with an error");
            browser.byName("facilityNpi").clear();
            browser.byName("facilityNpi").sendKeys("1245319599");
            browser.clickAndWaitForNextPage(browser.find(By.id("clinic-profile-save")));
            check("/clinic/profile (saved)");
            browser.go("/cases/new");
            check("/cases/new with the clinic's prescribers");
            browser.byName("patient.memberId").sendKeys("XJH123456789");
            browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#case-form .toolbar button.primary")));
            assertThat(browser.find(By.id("duplicate-warning")).isDisplayed()).isTrue();
            check("/cases/new with a duplicate warning");
        } finally {
            ClinicProfileTest.clearProfile(
                    new FormClient(port).signIn("north.billing", BillingDeskJourneyTest.PASSWORD));
        }
    }

    private void check(String page) {
        assertThat(Axe.violations(browser)).as("axe-core violations on %s", page).isEmpty();
    }

    private long overflow() {
        return (Long) ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
    }

    private long longNameRowHeight() {
        Number h = (Number) ((JavascriptExecutor) browser.driver()).executeScript(
                "const row = [...document.querySelectorAll('tr')].find(r => r.textContent.includes(arguments[0]));"
                        + "return row ? Math.round(row.getBoundingClientRect().height) : -1;", LONG_NAME);
        System.out.println("long-name row height on /documents: " + h + " px");
        assertThat(h.longValue()).as("a documents row names the long name").isPositive();
        return h.longValue();
    }

    private String longNameCaseWithPacket() {
        ApiClient api = new ApiClient(port);
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        ((ObjectNode) tree.get("patient")).put("lastName", LONG_NAME);
        String id = api.post("/api/v1/cases", "north.billing", Samples.json(tree)).json().get("id").asString();
        assertThat(api.post("/api/v1/cases/" + id + "/packet", "north.billing", "").status()).isEqualTo(201);
        // the attachments list with its buttons, a long unbroken title, and the removed list
        Uploads.attach(api, id, LONG_NAME, TestPdfs.notes(1, "LONG"));
        Uploads.attach(api, id, "Progress notes", TestPdfs.notes(1, "NOTES"));
        String removed = Uploads.attach(api, id, "Removed notes", TestPdfs.notes(1, "GONE"));
        assertThat(api.delete("/api/v1/cases/" + id + "/attachments/" + removed, "north.billing").status()).isEqualTo(204);
        return id;
    }
}

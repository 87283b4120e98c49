package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case saved by an earlier version with a date FHIR cannot carry: "Download PAS bundle (FHIR)" is refused
 * and the case page says why and what to do. Pressed in the browser, the button showed nothing: it was a
 * download link, so the browser took the case page the refusal leads to as the file to save, and the
 * message went with it. A case that can be exported still downloads its bundle without leaving the page.
 */
@BrowserServiceTest
class PasExportRefusedBrowserTest {

    static final String PASSWORD = "demo-pass-2026";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Browser browser;

    @Test
    void pressingDownloadPasBundleOnACaseWithADateFhirCannotCarryShowsWhyOnTheCasePage() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String refused = caseWithAnOldDate(lifecycle);
        String fine = lifecycle.newCase();

        browser.logIn(LifecycleHttp.BILLING, PASSWORD);
        assertThat(refusalAfterPressing(refused)).contains("The FHIR bundle was not exported",
                "date outside 1900–2999", "Open the case form and save it");

        browser.go("/cases/" + fine);
        WebElement page = browser.find(By.tagName("html"));
        browser.find(By.id("fhir-export")).click();
        // a download keeps the page: it is not replaced within a time the refused case's page was
        assertThatThrownBy(() -> new WebDriverWait(browser.driver(), Duration.ofSeconds(3))
                .until(d -> Browser.isGone(page)))
                .isInstanceOf(TimeoutException.class);
        assertThat(browser.path()).isEqualTo("/cases/" + fine);
        assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("was not exported");
    }

    /**
     * Only billing staff can open the case form: clinic staff, who press the same button, are told to ask
     * billing staff to open it and save it. Both were told to open it.
     */
    @Test
    void clinicStaffAreToldToAskBillingStaffToSaveTheCaseAndBillingStaffToSaveIt() {
        String refused = caseWithAnOldDate(new LifecycleHttp(new ApiClient(port)));

        browser.logIn(LifecycleHttp.CLINIC, PASSWORD);
        assertThat(refusalAfterPressing(refused)).contains("The FHIR bundle was not exported",
                "Ask billing staff to open the case form and save it").doesNotContain(". Open the case form");

        browser.logOut();
        browser.logIn(LifecycleHttp.BILLING, PASSWORD);
        assertThat(refusalAfterPressing(refused)).contains(". Open the case form and save it")
                .doesNotContain("billing staff");
    }

    /** A complete case whose episode start is stored as an earlier version stored it: a year outside 1900-2999. */
    String caseWithAnOldDate(LifecycleHttp lifecycle) {
        String id = lifecycle.newCase();
        assertThat(jdbc.update("UPDATE cases SET data = REPLACE(data, '\"2025-01-15\"', '\"0202-01-15\"') WHERE id = ?",
                UUID.fromString(id))).isEqualTo(1);
        return id;
    }

    /** What the case page says after its "Download PAS bundle (FHIR)" button is pressed. */
    String refusalAfterPressing(String id) {
        browser.go("/cases/" + id);
        browser.clickAndWaitForNextPage(browser.find(By.id("fhir-export")));
        assertThat(browser.path()).isEqualTo("/cases/" + id);
        return browser.find(By.cssSelector("main .alert.error[role=alert]:not([hidden])")).getText();
    }
}

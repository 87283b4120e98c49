package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import dev.authpack.support.Samples;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * A packet made before the case's last change, as each of the two desks reads it in the browser. Only
 * billing staff can generate a packet: they are told to generate it again; clinic staff, who would
 * find no button to do so, are told to ask billing staff. The same holds for the note under "Download
 * PAS bundle (FHIR)" (outdated packet, or none) and the mark on Recent documents. (The warning on
 * recording a submission reaches only the billing clerk who recorded it: not stored in the timeline.)
 */
@BrowserServiceTest
class OutdatedPacketWordingBrowserTest {

    static final String PASSWORD = "demo-pass-2026";

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void clinicStaffAreToldToAskBillingStaffAndBillingStaffToGenerateAgain() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String stale = lifecycle.caseWithPacket();
        ObjectNode kase = (ObjectNode) lifecycle.api().get("/api/v1/cases/" + stale, LifecycleHttp.BILLING).json();
        ((ObjectNode) kase.get("patient")).put("lastName", "Wordingstale");
        assertThat(lifecycle.api().put("/api/v1/cases/" + stale, LifecycleHttp.BILLING, Samples.json(kase)).status())
                .isEqualTo(200);
        String none = lifecycle.newCase();

        browser.logIn(LifecycleHttp.CLINIC, PASSWORD);
        browser.go("/cases/" + stale);
        for (WebElement note : outdatedNotes()) {
            assertThat(note.getText()).as(note.getAttribute("id") + " for clinic staff")
                    .contains("Made before the last change to the case on", "ask billing staff to generate it again")
                    .doesNotContain(": generate it again");
        }
        assertThat(browser.find(By.id("fhir-export-outdated")).getText())
                .contains("ask billing staff to generate a new packet").doesNotContain("generate a new packet before you export");
        assertThat(recentDocumentsMark(stale)).contains("ask billing staff to generate it again");
        browser.go("/cases/" + none);
        assertThat(browser.find(By.id("fhir-export-no-packet")).getText())
                .contains("billing staff generate the packet").doesNotContain("generate one first");

        browser.logOut();
        browser.logIn(LifecycleHttp.BILLING, PASSWORD);
        browser.go("/cases/" + stale);
        for (WebElement note : outdatedNotes()) {
            assertThat(note.getText()).as(note.getAttribute("id") + " for billing staff")
                    .contains(": generate it again.").doesNotContain("billing staff");
        }
        assertThat(browser.find(By.id("fhir-export-outdated")).getText()).contains("generate a new packet before you export");
        assertThat(recentDocumentsMark(stale)).contains(": generate it again.").doesNotContain("billing staff");
        browser.go("/cases/" + none);
        assertThat(browser.find(By.id("fhir-export-no-packet")).getText()).contains("generate one first");
    }

    /**
     * Clinic staff start on the worklist as billing staff do: its reasons that say to generate the packet
     * (again) are worded for them as what billing staff are to do.
     */
    @Test
    void theWorklistTellsClinicStaffWhatBillingStaffAreToDoAndBillingStaffWhatToDo() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String stale = lifecycle.caseWithPacket();
        ObjectNode kase = (ObjectNode) lifecycle.api().get("/api/v1/cases/" + stale, LifecycleHttp.BILLING).json();
        ((ObjectNode) kase.get("patient")).put("lastName", "Worklistword");
        assertThat(lifecycle.api().put("/api/v1/cases/" + stale, LifecycleHttp.BILLING, Samples.json(kase)).status())
                .isEqualTo(200);
        String unprinted = lifecycle.newCase();

        browser.logIn(LifecycleHttp.CLINIC, PASSWORD);
        assertThat(browser.path()).isEqualTo("/worklist");
        assertThat(reason("readyToSubmit", stale)).isEqualTo(
                "Complete, but the packet predates the last change: billing staff are to generate it again before it is sent");
        assertThat(reason("toFinish", unprinted)).isEqualTo("Complete: billing staff are to generate the packet");

        browser.logOut();
        browser.logIn(LifecycleHttp.BILLING, PASSWORD);
        assertThat(reason("readyToSubmit", stale))
                .isEqualTo("Complete, but the packet predates the last change: generate it again before sending");
        assertThat(reason("toFinish", unprinted)).isEqualTo("Complete: generate the packet");
    }

    /** The "Why" of the case's row in one list of the worklist, in its first 50 or past them. */
    private String reason(String list, String caseId) {
        return StartPageRows.row(browser, list, caseId).findElement(By.cssSelector("td:nth-child(2)")).getText();
    }

    /** The mark in the document list and the one above the preview. */
    private java.util.List<WebElement> outdatedNotes() {
        java.util.List<WebElement> notes = browser.driver().findElements(
                By.cssSelector("#document-list tr[data-outdated='true'] p.outdated, #preview-outdated"));
        assertThat(notes).as("the list's mark and the preview's").hasSize(2);
        return notes;
    }

    /** What the short "Outdated" mark on Recent documents says when hovered or read out, for this case's packet. */
    private String recentDocumentsMark(String caseId) {
        browser.go("/documents");
        WebElement row = browser.find(By.xpath("//table[@id='recent-documents']//tr[.//a[@href='/cases/" + caseId + "']]"));
        WebElement mark = row.findElement(By.cssSelector("span.outdated"));
        String title = mark.getAttribute("title");
        assertThat(mark.findElement(By.cssSelector(".visually-hidden")).getAttribute("textContent")).isEqualTo(title);
        return title;
    }
}

package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The billing desk in a real browser: a clerk types sample 01 into the case form, makes and fixes a
 * mistake without losing anything typed, sees the checklist complete, attaches notes, generates
 * and downloads the packet and the estimate; the clinic reads the case and downloads the packet;
 * another clinic cannot find it.
 */
@BrowserServiceTest
class BillingDeskJourneyTest {

    static final String PASSWORD = "demo-pass-2026";
    static final String WRONG_END = "medicationTrials[1].endDate";

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void clerkTypesCompleteCaseFixesMistakeAndOnlyOwnClinicSeesIt() {
        // the same patient already has an open case: saving warns of it until the clerk confirms
        String earlier = new ApiClient(port).post("/api/v1/cases", "north.billing",
                Samples.json(Samples.tree("01-complete-esketamine"))).json().get("id").asString();
        browser.go("/login");
        browser.screenshot("login");
        browser.logIn("north.billing", PASSWORD);
        assertThat(browser.path()).isEqualTo("/worklist"); // the billing desk starts from its worklist

        browser.go("/cases/new");
        addAndRemoveTrialRows();
        Map<String, String> sample = flatten(Samples.tree("01-complete-esketamine"));
        drugFromCatalogFillsItsClass();
        Map<String, String> typed = new LinkedHashMap<>(sample);
        typed.put(WRONG_END, "2025-04-20");
        // written as on paper: the form stores them as the contract writes them (issue 17, point 5)
        typed.put("coverage.deductibleRemaining", "$1,500.00");
        typed.put("coverage.coinsurancePct", "20%");
        typed.put("prescriber.npi", "1234-567-893");
        typed.put("facility.npi", "124 531 9599");
        typed.put("request.lines[0].chargePerUnit", "$1,450.00");
        typed.forEach(this::type);
        assertThat(browser.find(By.id("medicationTrials-0-weeks")).getText()).isEqualTo("10 weeks");
        browser.screenshot("case-form");

        save();
        assertThat(browser.path()).isEqualTo("/cases/new");
        WebElement duplicate = browser.find(By.id("duplicate-warning"));
        assertThat(duplicate.getText()).contains("may already have an open case", "Case of Dana Reyes");
        assertThat(duplicate.findElements(By.cssSelector("a[href='/cases/" + earlier + "']"))).hasSize(1);
        browser.screenshot("duplicate-warning");
        browser.clickAndWaitForNextPage(browser.find(By.id("duplicate-confirm")));
        assertThat(browser.path()).isEqualTo("/cases/new");
        WebElement summary = browser.find(By.id("error-summary"));
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(summary);
        assertThat(summary.getText()).contains("Trial 2: end date is before the start date");
        WebElement error = browser.find(By.id("medicationTrials-1-endDate-error"));
        assertThat(error.getText()).isNotBlank();
        assertThat(browser.byName(WRONG_END).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.byName(WRONG_END).getDomAttribute("aria-describedby")).isEqualTo(error.getDomAttribute("id"));
        typed.forEach((path, value) -> assertThat(browser.byName(path).getDomProperty("value")).as(path).isEqualTo(value));
        browser.screenshot("case-form-error");

        WebElement end = browser.byName(WRONG_END);
        end.clear();
        Browser.typeDate(end, LocalDate.parse(sample.get(WRONG_END)));
        save();
        assertThat(browser.path()).matches("/cases/[0-9a-f-]{36}");
        String casePath = browser.path();
        assertThat(browser.find(By.id("checklist-verdict")).getText())
                .isEqualTo("Complete: every criterion is met and nothing is missing.");
        List<String> statuses = browser.driver().findElements(By.cssSelector(".checklist > li > .status")).stream()
                .map(WebElement::getText).toList();
        assertThat(statuses).hasSizeGreaterThanOrEqualTo(9).containsOnly("MET");
        assertThat(browser.find(By.cssSelector(".checklist")).getText()).contains("Failed antidepressant trials", "REMS-certified setting");
        browser.screenshot("checklist");

        uploadClinicalNotes();
        browser.clickAndWaitForNextPage(browser.find(By.id("generate-packet")));
        new Select(browser.find(By.id("estimate-lang"))).selectByValue("en");
        browser.clickAndWaitForNextPage(browser.find(By.id("generate-estimate")));
        byte[] packet = downloadChecked("PACKET");
        byte[] estimate = downloadChecked("ESTIMATE");
        assertThat(pageText(packet, 0)).contains("Dana Reyes");
        assertThat(pageText(packet, pageCount(packet) - 1)).contains(NOTES_TEXT);
        assertThat(pageText(estimate, 0)).contains("$3,263.69");
        assertThat(previewImagesLoaded()).isEqualTo(2);
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('documents').scrollIntoView()");
        browser.screenshot("documents");
        sessionEndsWhileEditingThenThePacketIsMarkedOutdated(casePath);
        copyAsNewCase(casePath);

        browser.go("/cases");
        browser.find(By.id("q")).sendKeys("reyes");
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.filters button.primary")));
        assertThat(browser.driver().getCurrentUrl()).doesNotContainIgnoringCase("reyes");
        assertThat(browser.find(By.id("case-list")).getText()).contains("Dana Reyes", "esketamine-standard");
        browser.screenshot("case-list");
        browser.logOut();

        browser.logIn("north.clinic", PASSWORD);
        browser.go(casePath);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Case: Dana Reyes");
        assertThat(browser.driver().findElements(By.linkText("Edit case"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("generate-packet"))).isEmpty();
        assertThat(downloadChecked("PACKET")).isEqualTo(packet);
        browser.go("/documents");
        assertThat(browser.find(By.id("recent-documents")).getText()).contains("Prior-authorization packet", "Dana Reyes");
        browser.find(By.id("q")).sendKeys("reyes");
        new Select(browser.find(By.id("kind"))).selectByValue("PACKET");
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.filters button.primary")));
        assertThat(browser.driver().getCurrentUrl()).doesNotContainIgnoringCase("reyes").endsWith("/documents?kind=PACKET");
        // the case's reference tells this case's packet from those of the patient's other cases
        assertThat(browser.find(By.id("recent-documents")).getText())
                .contains("Dana Reyes", "case " + casePath.substring("/cases/".length(), "/cases/".length() + 8))
                .doesNotContain("Cost estimate");
        browser.logOut();

        browser.logIn("south.billing", PASSWORD);
        // not "Reyes": other tests in the shared database give the south clinic a Dana Reyes of its own
        assertThat(browser.driver().getPageSource()).doesNotContain(casePath);
        browser.go(casePath);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(browser.driver().getPageSource()).doesNotContain("Reyes");
    }

    @Test
    void clinicProfileFillsANewCaseAndThePrescriberIsPickedFromItsList() {
        browser.logIn("north.billing", PASSWORD);
        try {
            browser.go("/clinic/profile");
            Map<String, String> profile = new LinkedHashMap<>();
            profile.put("facilityName", "North Clinic");
            profile.put("facilityNpi", "1245319599");
            profile.put("facilityTin", "12-3456789");
            profile.put("facilityAddress", "1 Main St, Springfield, MA 01101");
            profile.put("remsSettingId", "HCS-0042");
            profile.put("feeCode", "G2083");
            profile.put("feeUnits", "1");
            profile.put("prescribers[0].name", "Alex Morgan, MD");
            profile.put("prescribers[0].npi", "1234567893");
            profile.put("prescribers[0].specialty", "PSYCHIATRY");
            profile.put("prescribers[0].phone", "555-0100");
            profile.put("prescribers[0].fax", "555-0101");
            profile.forEach(this::type);
            browser.clickAndWaitForNextPage(browser.find(By.id("clinic-profile-save")));
            assertThat(browser.find(By.cssSelector("main .flash")).getText()).contains("clinic profile was saved");
            assertThat(browser.byName("prescribers[1].name").getDomProperty("value")).as("a blank row to add one").isEmpty();
            browser.screenshot("clinic-profile");

            browser.go("/cases/new");
            assertThat(browser.byName("facility.name").getDomProperty("value")).isEqualTo("North Clinic");
            assertThat(browser.byName("facility.tin").getDomProperty("value")).isEqualTo("12-3456789");
            assertThat(browser.byName("facility.remsCertified").getDomProperty("value")).isEqualTo("true");
            assertThat(browser.byName("request.lines[0].code").getDomProperty("value")).isEqualTo("G2083");
            assertThat(browser.byName("prescriber.name").getDomProperty("value")).isEmpty();
            new Select(browser.find(By.id("clinic-prescriber"))).selectByValue("1234567893");
            assertThat(browser.byName("prescriber.name").getDomProperty("value")).isEqualTo("Alex Morgan, MD");
            assertThat(browser.byName("prescriber.npi").getDomProperty("value")).isEqualTo("1234567893");
            assertThat(browser.byName("prescriber.specialty").getDomProperty("value")).isEqualTo("PSYCHIATRY");
            assertThat(browser.byName("prescriber.fax").getDomProperty("value")).isEqualTo("555-0101");
            browser.screenshot("case-form-from-profile");
        } finally {
            // the database is shared with the other tests: leave the clinic without a profile
            ClinicProfileTest.clearProfile(new FormClient(port).signIn("north.billing", PASSWORD));
        }
    }

    /**
     * The session ends while the clerk edits (its cookie is gone, as after the idle timeout): Save goes
     * through sign-in and back to the form with the change intact; once saved, the packet made before
     * it is marked outdated on the case page.
     */
    private void sessionEndsWhileEditingThenThePacketIsMarkedOutdated(String casePath) {
        assertThat(browser.driver().getPageSource()).doesNotContain("Made before the last change");
        browser.go(casePath + "/edit");
        WebElement sessions = browser.byName("request.sessions");
        sessions.clear();
        sessions.sendKeys("6");
        browser.driver().manage().deleteCookieNamed("JSESSIONID");
        save();
        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.find(By.tagName("main")).getText()).contains("session ended", "was not saved");
        browser.byName("username").sendKeys("north.billing");
        browser.byName("password").sendKeys(PASSWORD);
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.login-form button[type=submit]")));
        assertThat(browser.path()).isEqualTo(casePath + "/edit");
        assertThat(browser.find(By.id("draft-restored")).getText()).contains("not saved yet");
        assertThat(browser.byName("request.sessions").getDomProperty("value")).isEqualTo("6");
        save();
        assertThat(browser.path()).isEqualTo(casePath);
        WebElement outdated = browser.find(By.id("preview-outdated"));
        assertThat(outdated.getText()).contains("Made before the last change to the case on");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", outdated);
        browser.screenshot("packet-outdated");
    }

    /** "Copy as new case" on the case page: a new draft opens in the form, saying what it cleared. */
    private void copyAsNewCase(String casePath) {
        browser.go(casePath);
        browser.clickAndWaitForNextPage(browser.find(By.id("copy-case")));
        assertThat(browser.path()).matches("/cases/[0-9a-f-]{36}/edit").isNotEqualTo(casePath + "/edit");
        assertThat(browser.find(By.cssSelector("main .flash")).getText())
                .contains("Cleared: the request start date, the severity scores");
        assertThat(browser.byName("patient.lastName").getDomProperty("value")).isEqualTo("Reyes");
        assertThat(browser.byName("request.startDate").getDomProperty("value")).isEmpty();
        assertThat(browser.byName("medicationTrials[1].drug").getDomProperty("value")).isNotEmpty();
        browser.screenshot("copy-case");
    }

    @Test
    void signingOutRemovesEveryDraftFromTheBrowser() {
        browser.logIn("north.billing", PASSWORD);
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript("localStorage.setItem('authpack.draft.north.billing.new', '{}');");
        browser.go("/cases");
        browser.logOut();
        assertThat((Long) js.executeScript("return Object.keys(localStorage)"
                + ".filter(k => k.indexOf('authpack.draft.') === 0).length;")).isZero();
    }

    /** Uploads a two-page PDF of clinical notes through the case page's file input. */
    private void uploadClinicalNotes() {
        Path notes = pdf(2);
        browser.find(By.id("attachment-title")).sendKeys("Clinical notes");
        browser.find(By.id("attachment-file")).sendKeys(notes.toAbsolutePath().toString());
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#attachments button[type=submit]")));
        assertThat(browser.find(By.cssSelector("#attachment-list .attachment-name")).getText()).isEqualTo("Clinical notes (2 pages)");
    }

    /** Downloads the newest document of a kind from the case page's list; checks it is a whole PDF. */
    private byte[] downloadChecked(String kind) {
        WebElement row = browser.find(By.cssSelector("#document-list tr[data-kind='" + kind + "']"));
        int pages = Integer.parseInt(row.findElements(By.tagName("td")).get(1).getText());
        HttpResponse<byte[]> answer = browser.download(row.findElement(By.tagName("a")).getDomAttribute("href"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pageCount(answer.body())).isEqualTo(pages);
        if (!kind.equals("ESTIMATE")) {
            assertThat(pages).isGreaterThanOrEqualTo(5 + 2);
            assertThat(pageText(answer.body(), 0)).contains("Page 1 of " + pages);
        }
        return answer.body();
    }

    private long previewImagesLoaded() {
        Object loaded = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[0]; var imgs = Array.from(document.querySelectorAll('.preview img'));"
                        + "Promise.all(imgs.map(i => i.decode().then(() => i.naturalWidth > 0, () => false)))"
                        + ".then(r => done(r.filter(x => x).length));");
        return (Long) loaded;
    }

    static final String NOTES_TEXT = "Progress note, page";

    private static Path pdf(int pages) {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                    text.beginText();
                    text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    text.newLineAtOffset(72, 700);
                    text.showText(NOTES_TEXT + " " + i);
                    text.endText();
                }
            }
            Path file = Files.createTempFile("clinical-notes-", ".pdf");
            doc.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int pageCount(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pageText(byte[] pdf, int pageIndex) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(pageIndex + 1);
            stripper.setEndPage(pageIndex + 1);
            return stripper.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Without saving anything: rows come and go in the page (the script) and names stay distinct. */
    private void addAndRemoveTrialRows() {
        assertThat(trialRows()).hasSize(1);
        WebElement add = browser.find(By.cssSelector("[data-add-row='medicationTrials']"));
        add.click();
        add.click();
        assertThat(trialRows()).hasSize(2 + 1);
        assertThat(browser.byName("medicationTrials[2].drug").isDisplayed()).isTrue();
        trialRows().get(2).findElement(By.cssSelector("[data-remove-row]")).click();
        assertThat(trialRows()).hasSize(2);
        assertThat(browser.driver().findElements(By.name("medicationTrials[2].drug"))).isEmpty();
    }

    private void drugFromCatalogFillsItsClass() {
        browser.byName("medicationTrials[0].drug").sendKeys("Sertraline", Keys.TAB);
        assertThat(new Select(browser.byName("medicationTrials[0].drugClass")).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("SSRI");
    }

    private List<WebElement> trialRows() {
        return browser.driver().findElements(By.cssSelector("[data-rows='medicationTrials'] > [data-row]"));
    }

    private void type(String path, String value) {
        WebElement input = browser.byName(path);
        if (input.getTagName().equals("select")) {
            new Select(input).selectByValue(value);
        } else if ("date".equals(input.getDomAttribute("type"))) {
            Browser.typeDate(input, LocalDate.parse(value));
        } else {
            input.clear();
            input.sendKeys(value);
        }
    }

    private void save() {
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("#case-form .toolbar button.primary")));
    }

    /** The sample as input name (its JSON path) to the text a user types. */
    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten(node, "", out);
        return out;
    }

    private static void flatten(JsonNode node, String path, Map<String, String> out) {
        if (node.isObject()) {
            node.propertyNames().forEach(name -> flatten(node.get(name), path.isEmpty() ? name : path + "." + name, out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + "[" + i + "]", out);
            }
        } else {
            out.put(path, node.asString());
        }
    }
}

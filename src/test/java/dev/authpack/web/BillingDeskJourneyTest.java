package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.Samples;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The billing desk in a real browser: a clerk types sample 01 into the case form, makes and fixes a
 * mistake without losing anything typed, sees the checklist complete; the clinic reads the case;
 * another clinic cannot find it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BillingDeskJourneyTest {

    static final String PASSWORD = "demo-pass-2026";
    static final String WRONG_END = "medicationTrials[1].endDate";

    @LocalServerPort
    int port;
    Browser browser;

    @BeforeEach
    void open() {
        browser = Browser.open(port);
    }

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void clerkTypesCompleteCaseFixesMistakeAndOnlyOwnClinicSeesIt() {
        browser.go("/login");
        browser.screenshot("login");
        browser.logIn("north.billing", PASSWORD);
        assertThat(browser.path()).isEqualTo("/cases");

        browser.go("/cases/new");
        addAndRemoveTrialRows();
        Map<String, String> sample = flatten(Samples.tree("01-complete-esketamine"));
        drugFromCatalogFillsItsClass();
        Map<String, String> typed = new LinkedHashMap<>(sample);
        typed.put(WRONG_END, "2025-04-20");
        typed.forEach(this::type);
        assertThat(browser.find(By.id("medicationTrials-0-weeks")).getText()).isEqualTo("10.4 weeks");
        browser.screenshot("case-form");

        save();
        assertThat(browser.path()).isEqualTo("/cases/new");
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

        browser.go("/cases?q=reyes");
        assertThat(browser.find(By.id("case-list")).getText()).contains("Dana Reyes", "esketamine-standard");
        browser.screenshot("case-list");
        browser.logOut();

        browser.logIn("north.clinic", PASSWORD);
        browser.go(casePath);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Case: Dana Reyes");
        assertThat(browser.driver().findElements(By.linkText("Edit case"))).isEmpty();
        browser.logOut();

        browser.logIn("south.billing", PASSWORD);
        assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("Reyes");
        browser.go(casePath);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(browser.driver().getPageSource()).doesNotContain("Reyes");
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

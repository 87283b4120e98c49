package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import dev.authpack.support.Samples;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two patients of one name, and one patient's covered and self-pay cases, on Recent documents. Their rows differed
 * only by "case 86c6c8b6", and an estimate's policy read "—". Each row now says what the case list tells patients
 * apart by, the date of birth and the member id, and an estimate names the case's payer ("payer: Self-pay").
 */
@BrowserServiceTest
class RecentDocumentsTellPatientsApartBrowserTest {

    @LocalServerPort
    int port;
    Browser browser;

    @Test
    void rowsOfTwoPatientsOfOneNameShowTheirBirthDatesAndMemberIdsAndAnEstimateItsPayer() {
        ApiClient api = new ApiClient(port);
        String first = create(Samples.tree("01-complete-esketamine"));
        ObjectNode other = Samples.tree("01-complete-esketamine");
        ((ObjectNode) other.get("patient")).put("dateOfBirth", "1988-07-02");
        ((ObjectNode) other.get("patient")).put("memberId", "QRS987654321");
        String second = create(other);
        String selfPay = create(Samples.tree("03-self-pay-ketamine"));
        String packet = generate(api, first, "packet");
        String estimate = generate(api, second, "estimate");
        String selfPayEstimate = generate(api, selfPay, "estimate");

        browser.logIn(LifecycleHttp.CLINIC, BillingDeskJourneyTest.PASSWORD);
        browser.go("/documents");
        browser.pressAndWaitForNextPage(browser.byName("q"), "Twinname", Keys.ENTER);

        Map<String, WebElement> rows = browser.driver().findElements(By.cssSelector("#recent-documents tbody tr"))
                .stream().collect(Collectors.toMap(RecentDocumentsTellPatientsApartBrowserTest::documentOf,
                        Function.identity()));
        assertThat(rows).containsOnlyKeys(packet, estimate, selfPayEstimate);
        assertThat(cells(rows.get(packet))).containsExactly("Dana Twinname born 1979-03-14 member XJH123456789 case "
                + first.substring(0, 8), "esketamine-standard");
        assertThat(cells(rows.get(estimate))).containsExactly("Dana Twinname born 1988-07-02 member QRS987654321 case "
                + second.substring(0, 8), "payer: Example Health Plan");
        assertThat(cells(rows.get(selfPayEstimate))).containsExactly("Dana Twinname born 1979-03-14 case "
                + selfPay.substring(0, 8), "payer: Self-pay");
    }

    /** The case cell and the policy cell's policy (without its version, which follows the policy files). */
    private static List<String> cells(WebElement row) {
        String policy = row.findElement(By.className("policy-version")).getText();
        return List.of(row.findElements(By.tagName("td")).get(1).getText().replaceAll("\\s+", " ").strip(),
                policy.startsWith("payer: ") ? policy : policy.split(" ")[0]);
    }

    private static String documentOf(WebElement row) {
        String href = row.findElement(By.cssSelector("td a")).getDomAttribute("href");
        return href.substring(href.lastIndexOf('/') + 1);
    }

    private String create(ObjectNode tree) {
        ((ObjectNode) tree.get("patient")).put("lastName", "Twinname");
        ApiClient.Response created = new ApiClient(port).post("/api/v1/cases", LifecycleHttp.BILLING, Samples.json(tree));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String generate(ApiClient api, String caseId, String what) {
        ApiClient.Response made = api.post("/api/v1/cases/" + caseId + "/" + what, LifecycleHttp.BILLING, "");
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        // a packet answers with the document, an estimate with {"document": ..., "estimate": ...}
        return (what.equals("estimate") ? made.json().get("document") : made.json()).get("id").asString();
    }
}

package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A denial reason typed in Hebrew or Arabic, followed in the case page's timeline by a note that starts with a
 * number: the browser's bidirectional algorithm took "· 2" into the reason's right-to-left run and drew the
 * note's number left of the reason. Each inline value is an isolate now, so the note starts right of the
 * reason, where the line says it is.
 */
@BrowserServiceTest
class RightToLeftValuesOnThePageBrowserTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @LocalServerPort
    int port;
    Browser browser;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Hebrew | \u05DB\u05D4\u05DF", "Arabic | \u0641\u0627\u0637\u0645\u0629"})
    void theNumberAfterARightToLeftValueStaysOnItsRight(String script, String reason) {
        LifecycleHttp http = new LifecycleHttp(new ApiClient(port));
        String id = http.caseWithPacket();
        http.ok(id, LifecycleHttp.submitted(DAY));
        http.ok(id, "{\"type\":\"DENIED\",\"date\":\"" + DAY.plusDays(3) + "\",\"reason\":\"" + reason
                + "\",\"note\":\"2 sessions given before the denial\"}");
        browser.logIn("north.billing", BillingDeskJourneyTest.PASSWORD);
        browser.go("/cases/" + id);

        WebElement quoted = browser.find(By.xpath("//q[contains(., '" + reason + "')]"));
        @SuppressWarnings("unchecked")
        List<Number> edges = (List<Number>) ((JavascriptExecutor) browser.driver()).executeScript("""
                const reason = arguments[0];
                const note = reason.nextElementSibling.firstChild;
                const number = document.createRange();
                number.setStart(note, note.data.indexOf('2'));
                number.setEnd(note, note.data.indexOf('2') + 1);
                return [reason.getBoundingClientRect().right, number.getBoundingClientRect().left];""", quoted);
        assertThat(edges.get(1).doubleValue()).as("the note's \"2\" against the reason's right edge")
                .isGreaterThanOrEqualTo(edges.get(0).doubleValue());
    }
}

package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.TestPdfs;
import dev.authpack.support.ApiClient;
import dev.authpack.support.Samples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages at the widths people use (WCAG 2.1 1.4.10 Reflow): 320 CSS px, which is also a 1280-px window at
 * 400% zoom, and a tablet held either way. No page scrolls sideways (a wide table may scroll in its own box),
 * and no link of the header is cut inside a word. The width is set the way zoom sets it, through Chromium's
 * device metrics, so the 1280-px window of the other browser tests is not resized.
 */
@BrowserServiceTest
class ReflowBrowserTest {

    @LocalServerPort
    int port;
    Browser browser;

    /** One browser for both roles: a Chromium start is most of a short browser test's time. */
    @Test
    void everyPageFitsA320PixelScreenAndATabletWithTheHeaderLinksWhole() {
        ApiClient api = new ApiClient(port);
        // a member id of one long word, as some plans print them: Recent documents shows it beside the name
        String id = api.post("/api/v1/cases", "north.billing", Samples.text("02-one-failed-trial")
                .replace("XJH123456789", "XJH1234567890123456789012345678901234567890")).json().get("id").asString();
        // the attachments' file field, whose own width widened the case page
        Uploads.attach(api, id, "Psychiatric evaluation", TestPdfs.notes(1, "EVAL"));
        assertThat(api.post("/api/v1/cases/" + id + "/estimate", "north.billing", new byte[0], null).status())
                .isEqualTo(201);
        browser.logIn("north.billing", BillingDeskJourneyTest.PASSWORD);
        width(320, 640);
        for (String path : List.of("/worklist", "/cases", "/cases/" + id, "/cases/" + id + "/edit", "/documents",
                "/clinic/profile", "/cases/import")) {
            browser.go(path);
            assertThat(sidewaysScroll()).as("the page %s at 320 px scrolls sideways by", path).isLessThanOrEqualTo(0);
            assertThat(headerLinksCutInsideAWord()).as("header links of %s at 320 px cut inside a word", path).isEmpty();
        }
        browser.logOut();

        browser.logIn("admin", BillingDeskJourneyTest.PASSWORD);
        for (int[] size : new int[][] {{320, 640}, {768, 1024}, {1024, 768}}) {
            width(size[0], size[1]);
            for (String path : List.of("/admin/users", "/admin/clinics", "/admin/policies", "/admin/audit")) {
                browser.go(path);
                assertThat(sidewaysScroll()).as("the page %s at %d px scrolls sideways by", path, size[0])
                        .isLessThanOrEqualTo(0);
            }
        }
    }

    private void width(int width, int height) {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    private long sidewaysScroll() {
        return (Long) js("return document.scrollingElement.scrollWidth - window.innerWidth;");
    }

    /** Each header link whose words take more lines than it has words: a word was broken across lines. */
    @SuppressWarnings("unchecked")
    private List<String> headerLinksCutInsideAWord() {
        return (List<String>) js("""
                return [...document.querySelectorAll('header nav a')].filter(a => {
                  const range = document.createRange(); range.selectNodeContents(a);
                  const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
                  return lines > a.textContent.trim().split(/\\s+/).length;
                }).map(a => a.textContent.trim());""");
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }
}

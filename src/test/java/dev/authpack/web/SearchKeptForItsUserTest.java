package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.SharedServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The lists' search text (a patient's name, member id or birth date) is kept in the session, and the session
 * outlives a sign-in: another user signing in in the same browser, without signing out first (a shared desk, or
 * a stale form's landing after another user signed in in another tab), was shown the text the first typed, in
 * the search box and as the filter of their own list.
 */
@SharedServiceTest
class SearchKeptForItsUserTest {

    @LocalServerPort
    int port;

    @Test
    void aSearchTypedByOneUserIsNotShownToTheNextWhoSignsInInTheSameBrowser() {
        FormClient browser = new FormClient(port);
        browser.signIn("north.billing", ApiClient.PASSWORD);
        for (String list : new String[] {"/cases", "/documents"}) {
            browser.get(list);
            assertThat(browser.post(list + "/search", "q", "Zetakeptname").statusCode()).isEqualTo(302);
            assertThat(browser.get(list).body()).as(list).contains("Zetakeptname");
        }

        browser.signIn("south.billing", ApiClient.PASSWORD);

        for (String list : new String[] {"/cases", "/documents", "/cases?resubmit", "/documents?resubmit"}) {
            String page = browser.get(list).body();
            assertThat(page).as(list).contains("south.billing").doesNotContain("Zetakeptname");
        }
        browser.signIn("north.billing", ApiClient.PASSWORD);
        assertThat(browser.get("/cases").body()).as("the same user again keeps it").contains("Zetakeptname");
    }
}

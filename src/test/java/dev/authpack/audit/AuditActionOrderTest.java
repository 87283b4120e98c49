package dev.authpack.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.SharedServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.Collator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The audit page's Action list is in the order of its English words whatever language the browser asks for: the
 * words are English (one message bundle), and sorted by the browser's language a Czech auditor found "changed a case"
 * after "had a payer policy upload refused" (Czech sorts ch after h).
 */
@SharedServiceTest
class AuditActionOrderTest {

    private static final Pattern OPTION = Pattern.compile("<option value=\"[A-Z_]+\"[^>]*>([^<]+)</option>");

    @LocalServerPort
    int port;

    @Test
    void theActionListIsInEnglishOrderForABrowserAskingForCzech() throws Exception {
        FormClient admin = new FormClient(port).signIn("admin", ApiClient.PASSWORD);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/audit"))
                .header("Cookie", "JSESSIONID=" + admin.sessionId()).header("Accept-Language", "cs-CZ,cs;q=0.9")
                .GET().build();

        String page = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();

        int list = page.indexOf("id=\"f-action\"");
        String select = page.substring(list, page.indexOf("</select>", list));
        List<String> shown = OPTION.matcher(select).results()
                .map(m -> m.group(1).replace("&#39;", "'").replace("&amp;", "&")).toList();
        assertThat(shown).hasSizeGreaterThan(50).contains("changed a case", "had a payer policy upload refused")
                .isSortedAccordingTo(Collator.getInstance(Locale.ENGLISH)::compare);
    }
}

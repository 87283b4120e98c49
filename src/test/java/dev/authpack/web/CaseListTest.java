package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * The case list tells cases apart (birth date, member id, payer, requested start), finds them by
 * name, member id or birth date through a posted search that never puts the text in a URL, sorts
 * by a column and pages 25 at a time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseListTest {

    @LocalServerPort
    int port;

    @Test
    void searchFindsByMemberIdOrBirthDateAndTheListShowsWhatTellsCasesApart() {
        ApiClient api = new ApiClient(port);
        create(api, "Listsearch", "Ana", "1971-06-05", "LS-778-901");
        create(api, "Listsearch", "Bea", "1988-01-30", "LS-778-902");

        FormClient clinic = new FormClient(port).signIn("north.clinic", "demo-pass-2026");
        String byMember = search(clinic, "ls778 901");
        assertThat(byMember).contains("Ana Listsearch", "1971-06-05", "LS-778-901", "2026-")
                .doesNotContain("Bea Listsearch").contains("1 case(s) match the search");
        assertThat(search(clinic, "01/30/1988")).contains("Bea Listsearch").doesNotContain("Ana Listsearch");
        assertThat(search(clinic, "listsearch")).contains("Ana Listsearch", "Bea Listsearch");
        String page = search(clinic, "listsearch");
        assertThat(page.indexOf("Ana Listsearch")).isGreaterThan(page.indexOf("Bea Listsearch")); // newest first
        String byBirth = clinic.get("/cases?sort=birth&dir=asc").body();
        assertThat(byBirth.indexOf("Ana Listsearch")).isLessThan(byBirth.indexOf("Bea Listsearch"));
        assertThat(byBirth).contains("aria-sort=\"ascending\"");
    }

    @Test
    void theListPagesTwentyFiveAtATime() {
        ApiClient api = new ApiClient(port);
        for (int i = 0; i < 27; i++) {
            create(api, "Pager" + (char) ('a' + i), "Pat", "1970-01-01", "PG" + i);
        }
        FormClient clerk = new FormClient(port).signIn("north.billing", "demo-pass-2026");
        String first = search(clerk, "pager");
        assertThat(first).contains("27 case(s) match the search", "Page 1 of 2", "rel=\"next\"");
        assertThat(first.split("<tr>", -1).length - 1).isEqualTo(1 + 25);
        String second = clerk.get("/cases?page=2").body();
        assertThat(second).contains("Page 2 of 2", "rel=\"prev\"");
        assertThat(second.split("<tr>", -1).length - 1).isEqualTo(1 + 2);
    }

    private static void create(ApiClient api, String last, String first, String born, String member) {
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        ObjectNode patient = (ObjectNode) tree.get("patient");
        patient.put("lastName", last).put("firstName", first).put("dateOfBirth", born).put("memberId", member);
        assertThat(api.post("/api/v1/cases", "north.billing", Samples.json(tree)).status()).isEqualTo(201);
    }

    static String search(FormClient session, String text) {
        session.get("/cases");
        HttpResponse<String> posted = session.post("/cases/search", "q", text, "status", "");
        assertThat(posted.statusCode()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(URI.create(location).getRawQuery()).isNull();
        assertThat(URI.create(location).getPath()).isEqualTo("/cases");
        return session.get("/cases").body();
    }
}

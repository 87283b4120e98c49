package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * The case list tells cases apart (birth date, member id, payer, requested start), finds them by
 * name, member id or birth date through a posted search that never puts the text in a URL, sorts
 * by a column and pages 25 at a time.
 */
@SharedServiceTest
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

    @Test
    void aSavedChangeIsWhatTheListShowsAndFinds() {
        ApiClient api = new ApiClient(port);
        String id = create(api, "Listedit", "Cy", "1966-07-08", "LE-100");
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        ((ObjectNode) tree.get("patient")).put("lastName", "Listedit").put("firstName", "Cy")
                .put("dateOfBirth", "1966-07-09").put("memberId", "LE-200");
        ((ObjectNode) tree.get("coverage")).put("payerName", "Listedit Mutual");
        tree.put("version", api.get("/api/v1/cases/" + id, "north.billing").json().get("version").asLong());
        assertThat(api.put("/api/v1/cases/" + id, "north.billing", Samples.json(tree)).status()).isEqualTo(200);

        FormClient clerk = new FormClient(port).signIn("north.billing", "demo-pass-2026");
        assertThat(search(clerk, "LE-200")).contains("Cy Listedit", "1966-07-09", "Listedit Mutual");
        assertThat(search(clerk, "LE-100")).doesNotContain("Cy Listedit").contains("0 case(s) match the search");
        assertThat(search(clerk, "07/09/1966")).contains("Cy Listedit");
    }

    /**
     * The list and its search read the columns kept beside each case, not the case documents, so a
     * clinic's thousands of cases do not each get parsed for a page of 25. Shown by making a stored
     * document say something else than its columns: the list keeps showing the columns.
     */
    @Test
    void theListReadsTheColumnsKeptBesideEachCaseNotTheCaseDocuments(@Autowired JdbcTemplate jdbc) {
        ApiClient api = new ApiClient(port);
        String id = create(api, "Columnread", "Di", "1955-05-05", "CR-555");
        ObjectNode other = Samples.tree("01-complete-esketamine");
        ((ObjectNode) other.get("patient")).put("lastName", "Documentread").put("memberId", "DR-999");
        assertThat(jdbc.update("UPDATE cases SET data = ? WHERE id = ?", Samples.json(other), id)).isEqualTo(1);

        FormClient clerk = new FormClient(port).signIn("north.billing", "demo-pass-2026");
        assertThat(search(clerk, "CR-555")).contains("Di Columnread", "1955-05-05", "CR-555")
                .doesNotContain("Documentread");
        assertThat(search(clerk, "DR-999")).doesNotContain("Columnread").contains("0 case(s) match the search");
    }

    private static String create(ApiClient api, String last, String first, String born, String member) {
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        ObjectNode patient = (ObjectNode) tree.get("patient");
        patient.put("lastName", last).put("firstName", first).put("dateOfBirth", born).put("memberId", member);
        ApiClient.Response created = api.post("/api/v1/cases", "north.billing", Samples.json(tree));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
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

package dev.authpack.authorization;

import static dev.authpack.authorization.LifecycleHttp.BILLING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.PinnedClock;
import dev.authpack.support.PinnedClockServiceTest;
import dev.authpack.support.Samples;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The worklist sorted by patient, over HTTP, in the case list's order: a clerk who sorted the case list by
 * patient and then a worklist list finds the patients in the same order in both.
 */
@PinnedClockServiceTest
class WorklistPatientOrderTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @LocalServerPort
    int port;
    @Autowired
    PinnedClock clock;

    /**
     * By last name, then first name, case and accents aside, as the case list sorts: "Zoe Abbott" first, though
     * her first name put her last when the worklist sorted "First Last" as one string (Ana, bruno, Yann, Zoe). The
     * four are due the same day, so the list's usual order (by due date) breaks the tie by patient the same way.
     */
    @Test
    void theWorklistSortedByPatientGoesByLastNameThenFirstNameAsTheCaseListDoes() {
        clock.today(DAY);
        ApiClient api = new ApiClient(port);
        String zoe = ready(api, "Zoe", "Abbott");
        String bruno = ready(api, "bruno", "Åberg");
        String yann = ready(api, "Yann", "abreu");
        String ana = ready(api, "Ana", "ABREU");
        List<String> mine = List.of(zoe, bruno, ana, yann);

        assertThat(ofMine(api, "/api/v1/worklist?list=readyToSubmit&sort=patient", mine)).containsExactlyElementsOf(mine);
        assertThat(ofMine(api, "/api/v1/worklist?list=readyToSubmit&sort=patient&dir=desc", mine))
                .containsExactly(yann, ana, bruno, zoe);
        assertThat(ofMine(api, "/api/v1/worklist", mine)).as("due the same day: by patient").containsExactlyElementsOf(mine);

        FormClient clerk = new FormClient(port).signIn(BILLING, ApiClient.PASSWORD);
        String page = clerk.get("/worklist?list=readyToSubmit&sort=patient&dir=asc&show=readyToSubmit").body();
        String section = page.substring(page.indexOf("<section id=\"readyToSubmit\""));
        assertThat(mine(section.substring(0, section.indexOf("</section>")), "<tr data-case=\"([^\"]+)\"", mine))
                .containsExactlyElementsOf(mine);
        String cases = clerk.get("/cases?status=READY&authStatus=NOT_SUBMITTED&sort=patient&dir=asc").body();
        assertThat(mine(cases, "href=\"/cases/([0-9a-f-]{36})\"", mine)).as("the case list")
                .containsExactlyElementsOf(mine);
    }

    /** A complete case for this patient, with its packet: ready to submit. */
    private static String ready(ApiClient api, String firstName, String lastName) {
        ObjectNode kase = Samples.tree("01-complete-esketamine");
        ((ObjectNode) kase.get("patient")).put("firstName", firstName).put("lastName", lastName);
        ApiClient.Response created = api.post("/api/v1/cases", BILLING, Samples.json(kase));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post("/api/v1/cases/" + id + "/packet", BILLING, new byte[0], null).status()).isEqualTo(201);
        return id;
    }

    /** The cases of {@code mine} on the API's readyToSubmit list, in its order (the others' cases share the database). */
    private static List<String> ofMine(ApiClient api, String path, List<String> mine) {
        ApiClient.Response r = api.get(path, BILLING);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode item : r.json().get("readyToSubmit")) {
            ids.add(item.get("caseId").asString());
        }
        return ids.stream().filter(mine::contains).toList();
    }

    private static List<String> mine(String html, String idPattern, List<String> mine) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile(idPattern).matcher(html);
        while (m.find()) {
            if (mine.contains(m.group(1)) && !ids.contains(m.group(1))) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }
}

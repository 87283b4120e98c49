package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The case pages as a browser without JavaScript uses them: rows added through the server, typed
 * text kept beside its message, a stale version answered without losing the user's input, the
 * list's filters, and code warnings on the case page.
 */
@SharedServiceTest
class CaseFormPostTest {

    @LocalServerPort
    int port;
    FormClient clerk;

    @BeforeEach
    void signIn() {
        clerk = new FormClient(port).signIn("north.billing", "demo-pass-2026");
        clerk.get("/cases/new");
    }

    @Test
    void addRowButtonWithoutScriptReturnsTheFormWithOneRowMoreAndSavesNothing() {
        HttpResponse<String> page = clerk.post("/cases/new", "patient.lastName", "Nojs-Rowadd",
                "medicationTrials[0].drug", "sertraline", "_action", "add:medicationTrials");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"medicationTrials[1].drug\"", "value=\"Nojs-Rowadd\"",
                "<option value=\"SSRI\" selected=\"selected\">");
        assertThat(search("nojs-rowadd", "")).doesNotContain("Nojs-Rowadd");
    }

    @Test
    void textThatIsNotANumberComesBackAsTypedWithItsMessageBesideIt() {
        HttpResponse<String> page = clerk.post("/cases/new", "patient.lastName", "Typo", "request.sessions", "eight");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"eight\"", "aria-invalid=\"true\"",
                "aria-describedby=\"request-sessions-error\"", "id=\"request-sessions-error\"", "value=\"Typo\"");
    }

    @Test
    void staleVersionIsRefusedAndTheTypedChangeIsStillInTheForm() {
        String edit = editPathOfNewCase("Conflict");
        String version = versionOf(clerk.get(edit).body());

        assertThat(clerk.post(edit, "version", version, "patient.lastName", "First").statusCode()).isEqualTo(302);
        HttpResponse<String> stale = clerk.post(edit, "version", version, "patient.lastName", "Second");

        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("Not saved: you saved this case in another tab or window", "value=\"Second\"");
        assertThat(clerk.get(edit).body()).contains("value=\"First\"");
    }

    @Test
    void aHundredThousandCharacterNameOnTheEditFormIsRefusedByItsRuleNotA500() {
        String edit = editPathOfNewCase("Longname");
        String version = versionOf(clerk.get(edit).body());

        HttpResponse<String> page = clerk.post(edit, "version", version, "patient.firstName", "A".repeat(100_000),
                "patient.lastName", "B".repeat(100_000));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("at most 200 characters");
        assertThat(clerk.get(edit).body()).contains("value=\"Longname\"");
    }

    /**
     * A field posted twice with different values was joined with a comma and saved as a new value: sessions 1 and 2
     * became 12, a deductible of 1 and 500 became $1,500, member ids A1 and B2 became "A1,B2" (session 34's
     * bad-input review; the API refuses a member given twice). The form comes back naming the field, nothing saved;
     * the checkboxes of one list (other treatments now) still send several values.
     */
    @Test
    void aFieldPostedTwiceWithDifferentValuesIsRefusedNamingItNotJoined() {
        String edit = editPathOfNewCase("Twice");
        String version = versionOf(clerk.get(edit).body());

        HttpResponse<String> page = clerk.post(edit, "version", version, "patient.lastName", "Twice",
                "request.sessions", "1", "request.sessions", "2", "patient.memberId", "A1", "patient.memberId", "B2",
                "medicationTrials[0].drug", "sertraline", "medicationTrials[0].drug", "bupropion");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"request-sessions-error\"", "id=\"patient-memberId-error\"",
                "was sent twice with different values");
        assertThat(page.body()).doesNotContain("value=\"A1,B2\"");
        assertThat(clerk.get(edit).body()).contains("value=\"Twice\"").doesNotContain("A1,B2");

        HttpResponse<String> same = clerk.post(edit, "version", version, "patient.lastName", "Twice",
                "request.sessions", "6", "request.sessions", "6",
                "screening.concurrentTherapies", "ECT", "screening.concurrentTherapies", "TMS");
        assertThat(same.statusCode()).as(same.body()).isEqualTo(302);
        String saved = clerk.get(edit).body();
        assertThat(saved).contains("name=\"request.sessions\"", "value=\"6\"");
        assertThat(saved).containsPattern("value=\"ECT\"[^>]*checked").containsPattern("value=\"TMS\"[^>]*checked");
    }

    /** The binder strips what is typed, so values that differ only in spaces are saved as the same value, as on the event forms. */
    @Test
    void aFieldPostedTwiceDifferingOnlyInSpacesIsOneValueAndSaved() {
        String edit = editPathOfNewCase("Spaces");
        String version = versionOf(clerk.get(edit).body());

        HttpResponse<String> saved = clerk.post(edit, "version", version, "patient.lastName", "Spaces",
                "patient.memberId", "A1", "patient.memberId", " A1 ");

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(clerk.get(edit).body()).contains("value=\"A1\"").doesNotContain("was sent twice");
    }

    @Test
    void aFormFromAPageOlderThanTheSessionIsNotSavedAndThePageSaysSo() {
        String edit = editPathOfNewCase("Stalepage");
        String version = versionOf(clerk.get(edit).body());

        HttpResponse<String> stale = clerk.postWithToken("a-token-of-an-older-session", edit, "version", version,
                "patient.lastName", "Changed");

        assertThat(stale.statusCode()).isEqualTo(302);
        java.net.URI location = java.net.URI.create(stale.headers().firstValue("Location").orElseThrow());
        String back = location.getRawPath() + "?" + location.getRawQuery();
        assertThat(back).isEqualTo(edit + "?resubmit");
        assertThat(clerk.get(back).body()).contains("id=\"resubmit-notice\"", "Nothing was saved or done",
                "value=\"Stalepage\"");
    }

    @Test
    void caseListFiltersByStatusAndByPartOfThePatientsName() {
        ObjectNode complete = Samples.tree("01-complete-esketamine");
        ((ObjectNode) complete.get("patient")).put("lastName", "Filterready");
        assertThat(new ApiClient(port).post("/api/v1/cases", "north.billing", Samples.json(complete)).status())
                .isEqualTo(201);
        clerk.post("/cases/new", "patient.firstName", "Dana", "patient.lastName", "Filterdraft");

        assertThat(search("filter", "")).contains("Dana Filterready", "Dana Filterdraft");
        assertThat(search("FILTER", "READY")).contains("Dana Filterready").doesNotContain("Filterdraft");
        assertThat(search("filter", "DRAFT")).contains("Dana Filterdraft").doesNotContain("Filterready");
    }

    @Test
    void casePageWarnsOfARetiredBillingCode() {
        String location = clerk.post("/cases/new", "patient.lastName", "Oldcode", "request.startDate", "2026-11-30",
                "request.lines[0].code", "S0013").headers().firstValue("Location").orElseThrow();

        String page = clerk.get(java.net.URI.create(location).getPath()).body();

        assertThat(page).contains("id=\"code-warnings\"", "S0013 was replaced by J0013");
    }

    @Test
    void aCaseAtEveryListLimitIsSavedFromTheForm() {
        ObjectNode full = Samples.tree("01-complete-esketamine");
        ((ObjectNode) full.get("patient")).put("lastName", "Everylimit");
        fill((ArrayNode) full.get("medicationTrials"), 50);
        fill((ArrayNode) full.get("request").get("lines"), 50);
        fill((ArrayNode) full.get("assessments"), 200);
        fill((ArrayNode) full.get("psychotherapy"), 50);
        List<String> fields = new ArrayList<>();
        flatten(full, "", fields);
        // other tests here save the same sample patient
        fields.addAll(List.of("_duplicateConfirmed", "yes"));
        assertThat(fields.size() / 2).as("fields the form sends").isGreaterThan(1_000);

        HttpResponse<String> saved = clerk.post("/cases/new", fields.toArray(String[]::new));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String id = java.net.URI.create(saved.headers().firstValue("Location").orElseThrow()).getPath()
                .replace("/cases/", "");
        JsonNode stored = new ApiClient(port).get("/api/v1/cases/" + id, "north.billing").json();
        assertThat(stored.get("assessments").size()).isEqualTo(200);
        assertThat(stored.get("medicationTrials").size()).isEqualTo(50);
        assertThat(stored.get("psychotherapy").size()).isEqualTo(50);
    }

    private static void fill(ArrayNode list, int size) {
        while (list.size() < size) {
            list.add(list.get(0).deepCopy());
        }
    }

    /** The case's members as the form names its fields: "request.lines[3].code" and the value as text. */
    private static void flatten(JsonNode node, String path, List<String> fields) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                flatten(member.getValue(), path.isEmpty() ? member.getKey() : path + "." + member.getKey(), fields);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + "[" + i + "]", fields);
            }
        } else if (!node.isNull()) {
            fields.add(path);
            fields.add(node.asString());
        }
    }

    /** Searches the list as its form does: by POST, then the redirect, whose URL holds no search text. */
    private String search(String text, String status) {
        clerk.get("/cases");
        HttpResponse<String> posted = clerk.post("/cases/search", "q", text, "status", status);
        assertThat(posted.statusCode()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location.toLowerCase()).doesNotContain(text.toLowerCase());
        return clerk.get(java.net.URI.create(location).getRawPath()
                + (java.net.URI.create(location).getRawQuery() == null ? "" : "?" + java.net.URI.create(location).getRawQuery()))
                .body();
    }

    /** A new case made through the form; its edit page's path. */
    private String editPathOfNewCase(String lastName) {
        String location = clerk.post("/cases/new", "patient.lastName", lastName).headers()
                .firstValue("Location").orElseThrow();
        return java.net.URI.create(location).getPath() + "/edit";
    }

    private static String versionOf(String html) {
        Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertThat(m.find()).as("hidden version input").isTrue();
        return m.group(1);
    }
}

package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.SharedServiceTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Two billing clerks edit the same case. The one who saves second is told who saved first, when,
 * and which fields differ (with the other clerk's value); the form keeps what they typed and now
 * carries the stored version, so pressing Save again saves their whole form over it.
 */
@SharedServiceTest
class CaseFormEditConflictTest {

    private static final String SECOND = "north.second";
    private static final String SECOND_PASSWORD = "a-sturdy-passphrase-42";
    private static boolean secondClerkCreated;

    @LocalServerPort
    int port;
    FormClient clerk;
    FormClient other;

    @BeforeEach
    void twoClerksOfOneClinic() {
        if (!secondClerkCreated) {
            FormClient admin = new FormClient(port).signIn("admin", ApiClient.PASSWORD);
            assertThat(admin.submit("/admin/users", "/admin/users", "username", SECOND, "role", "BILLING",
                    "clinicId", "north", "password", SECOND_PASSWORD).statusCode()).isEqualTo(302);
            secondClerkCreated = true;
        }
        clerk = new FormClient(port).signIn("north.billing", ApiClient.PASSWORD);
        other = new FormClient(port).signIn(SECOND, SECOND_PASSWORD);
    }

    @Test
    void aRefusedSaveNamesTheDifferingFieldsWithTheOtherValueAndSavingAgainKeepsTheClerksWholeForm() {
        String edit = newCase();
        String clerksPage = clerk.get(edit).body();
        assertThat(versionOf(clerksPage)).isEqualTo("0");
        String longAddress = "Suite 4, " + "Building of the north infusion centre ".repeat(4) + "END-OF-ADDRESS";
        assertThat(other.submit(edit, edit, fields(Map.of("version", "0", "facility.name", "North Infusion Annex",
                "assessments[0].score", "22", "facility.address", longAddress))).statusCode()).isEqualTo(302);

        HttpResponse<String> refused = clerk.post(edit, fields(Map.of("version", "0", "prescriber.phone", "555-0199")));

        assertThat(refused.statusCode()).isEqualTo(200);
        String page = refused.body();
        assertThat(page).contains("id=\"edit-conflict\"", "Not saved: " + SECOND + " saved this case at ",
                "Prescriber phone: saved “555-0100”, your form “555-0199”",
                "Facility name: saved “North Infusion Annex”, your form “North Infusion”",
                "Score 1: score: saved “22”, your form “19”",
                "Facility address: saved “Suite 4, Building",
                "Press Save case to keep your version of these fields, or open the latest version to start from it",
                "Save case stores the whole form as you see it");
        assertThat(page).as("a long value is shortened in the message").doesNotContain("END-OF-ADDRESS");
        assertThat(page).containsPattern("saved this case at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
        assertThat(page).as("fields both forms agree on are not listed").doesNotContain("Last name: saved");
        assertThat(versionOf(page)).as("the form now answers the stored version").isEqualTo("1");
        assertThat(page).as("the clerk's typed values stay in the form")
                .contains("value=\"555-0199\"", "value=\"North Infusion\"", "value=\"19\"")
                .doesNotContain("value=\"North Infusion Annex\"");

        HttpResponse<String> again = clerk.post(edit, fields(Map.of("version", versionOf(page),
                "prescriber.phone", "555-0199")));

        assertThat(again.statusCode()).isEqualTo(302);
        JsonNode stored = stored(edit);
        assertThat(stored.at("/version").asLong()).isEqualTo(2);
        assertThat(stored.at("/prescriber/phone").asString()).isEqualTo("555-0199");
        assertThat(stored.at("/facility/name").asString())
                .as("the form sends the whole case: the other clerk's change, listed in the message, is replaced")
                .isEqualTo("North Infusion");
        assertThat(stored.at("/assessments/0/score").asInt()).isEqualTo(19);
        assertThat(stored.at("/facility/address").isMissingNode()).isTrue();
    }

    @Test
    void theOtherClerksChangeSurvivesWhenTheClerkTakesItIntoTheirFormBeforeSavingAgain() {
        String edit = newCase();
        clerk.get(edit);
        assertThat(other.submit(edit, edit, fields(Map.of("version", "0", "facility.name", "North Infusion Annex")))
                .statusCode()).isEqualTo(302);
        String page = clerk.post(edit, fields(Map.of("version", "0", "prescriber.phone", "555-0199"))).body();
        assertThat(page).contains("Facility name: saved “North Infusion Annex”, your form “North Infusion”");

        assertThat(clerk.post(edit, fields(Map.of("version", versionOf(page), "prescriber.phone", "555-0199",
                "facility.name", "North Infusion Annex"))).statusCode()).isEqualTo(302);

        JsonNode stored = stored(edit);
        assertThat(stored.at("/prescriber/phone").asString()).isEqualTo("555-0199");
        assertThat(stored.at("/facility/name").asString()).isEqualTo("North Infusion Annex");
    }

    @Test
    void aDifferingChoiceIsShownInTheWordsOfTheFormsList() {
        String edit = newCase();
        clerk.get(edit);
        assertThat(other.submit(edit, edit, fields(Map.of("version", "0", "assessments[0].instrument", "MADRS")))
                .statusCode()).isEqualTo(302);

        String page = clerk.post(edit, fields(Map.of("version", "0", "prescriber.phone", "555-0199"))).body();

        assertThat(page).contains("saved “MADRS (0-60)”, your form “PHQ-9 (0-27)”").doesNotContain("“PHQ9”");
    }

    @Test
    void whenBothClerksMadeTheSameChangeThePageSaysNothingDiffers() {
        String edit = newCase();
        clerk.get(edit);
        assertThat(other.submit(edit, edit, fields(Map.of("version", "0", "prescriber.phone", "555-0199"))).statusCode())
                .isEqualTo(302);

        String page = clerk.post(edit, fields(Map.of("version", "0", "prescriber.phone", "555-0199"))).body();

        assertThat(page).contains("id=\"edit-conflict\"", "Nothing in your form differs from the version saved then")
                .doesNotContain("id=\"edit-conflict-fields\"");
        assertThat(versionOf(page)).isEqualTo("1");
        assertThat(clerk.post(edit, fields(Map.of("version", "1", "prescriber.phone", "555-0199"))).statusCode())
                .isEqualTo(302);
    }

    /** The case's edit path; made through the form by the first clerk, at version 0. */
    private String newCase() {
        clerk.get("/cases/new");
        HttpResponse<String> made = clerk.post("/cases/new", fields(Map.of()));
        assertThat(made.statusCode()).isEqualTo(302);
        return URI.create(made.headers().firstValue("Location").orElseThrow()).getPath() + "/edit";
    }

    /** The whole form as a browser sends it: the case's starting values with {@code changes} typed over them. */
    private static String[] fields(Map<String, String> changes) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("patient.firstName", "Dana");
        all.put("patient.lastName", "Conflict");
        all.put("prescriber.phone", "555-0100");
        all.put("facility.name", "North Infusion");
        all.put("assessments[0].instrument", "PHQ9");
        all.put("assessments[0].score", "19");
        all.put("assessments[0].date", "2025-10-01");
        all.putAll(changes);
        List<String> pairs = new ArrayList<>();
        all.forEach((k, v) -> {
            pairs.add(k);
            pairs.add(v);
        });
        return pairs.toArray(String[]::new);
    }

    private JsonNode stored(String edit) {
        String id = edit.split("/")[2];
        ApiClient.Response r = new ApiClient(port).get("/api/v1/cases/" + id, "north.billing");
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    private static String versionOf(String html) {
        Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertThat(m.find()).as("hidden version input").isTrue();
        return m.group(1);
    }
}

package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue #17.3 over real HTTP, as a browser without JavaScript uses the pages: the clinic profile
 * (checked, kept per clinic, billing staff only), a new case filled from it with the prescriber
 * picked from the list, "Copy as new case", and the duplicate-patient warning.
 */
@SharedServiceTest
class ClinicProfileTest {

    static final String[] PROFILE = {"facilityName", "Profile Clinic", "facilityNpi", "1245 3195 99",
        "facilityTin", "987654321", "facilityAddress", "2 Side St, Springfield", "remsSettingId", "HCS-12345",
        "feeCode", "g2083", "feeUnits", "1",
        "prescribers[0].name", "Robin Lee, MD", "prescribers[0].npi", "1003000126",
        "prescribers[0].specialty", "PSYCHIATRY", "prescribers[0].phone", "555-0200", "prescribers[0].fax", "555-0201",
        "prescribers[1].name", "", "prescribers[1].npi", ""};

    @LocalServerPort
    int port;
    FormClient clerk;
    ApiClient api;

    @BeforeEach
    void signIn() {
        clerk = new FormClient(port).signIn("north.billing", ApiClient.PASSWORD);
        api = new ApiClient(port);
    }

    /** Other tests share the database: leave the north clinic's profile empty again. */
    @AfterEach
    void emptyTheProfile() {
        clearProfile(clerk);
    }

    static void clearProfile(FormClient session) {
        session.get("/clinic/profile");
        assertThat(session.post("/clinic/profile", "facilityName", "").statusCode()).isEqualTo(302);
    }

    /** The profile keeps no draft in the browser: the notice on its page must not promise the case form's. */
    @Test
    void aProfileFormOlderThanTheSignInIsNotSavedAndItsNoticeSpeaksOfThisPageOnly() {
        clerk.get("/clinic/profile");

        HttpResponse<String> stale = clerk.postWithToken("a-token-of-an-older-session", "/clinic/profile",
                "facilityName", "Stale Clinic");

        assertThat(stale.statusCode()).isEqualTo(302);
        URI location = URI.create(stale.headers().firstValue("Location").orElseThrow());
        assertThat(location.getRawPath() + "?" + location.getRawQuery()).isEqualTo("/clinic/profile?resubmit");
        String page = clerk.get("/clinic/profile?resubmit").body();
        assertThat(page).contains("id=\"resubmit-notice\"", "Nothing was saved: this page was older than your sign-in")
                .doesNotContain("case form", "put back from this browser", "Stale Clinic");
    }

    @Test
    void badValuesComeBackNamedAndNothingIsSaved() {
        clerk.get("/clinic/profile");
        HttpResponse<String> page = clerk.post("/clinic/profile", "facilityName", "Typo Clinic",
                "facilityNpi", "1245319598", "facilityTin", "12-34", "feeUnits", "many",
                "prescribers[0].name", "No Npi", "prescribers[0].npi", "");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Facility NPI is not a valid NPI: a digit is mistyped or two are swapped",
                "Tax ID (TIN): The TIN must be 9 digits", "Units per session for that code: Enter a whole number",
"Prescriber 1, NPI: Enter the prescriber&#39;s NPI",
                "value=\"Typo Clinic\"", "value=\"many\"", "aria-invalid=\"true\"");
        assertThat(clerk.get("/clinic/profile").body()).doesNotContain("Typo Clinic");
    }

    @Test
    void aPrescribersProblemInTheListSaysWhichPrescriberItIsAbout() {
        clerk.get("/clinic/profile");
        HttpResponse<String> page = clerk.post("/clinic/profile",
                "prescribers[0].name", "Robin Lee, MD", "prescribers[0].npi", "1003000126",
                "prescribers[1].name", "Sam Ortiz, DO", "prescribers[1].npi", "1003000127",
                "prescribers[2].name", "", "prescribers[2].npi", "1003000126");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(
                "href=\"#prescribers-1-npi\">Prescriber 2: NPI is not a valid NPI: a digit is mistyped or two are swapped</a>",
                "href=\"#prescribers-2-name\">Prescriber 3, Name: Enter the prescriber&#39;s name</a>",
                "id=\"prescribers-1-npi-error\">NPI is not a valid NPI: a digit is mistyped or two are swapped</p>")
                .doesNotContain("Prescriber 1:");
        assertThat(clerk.get("/clinic/profile").body()).doesNotContain("Sam Ortiz");
    }

    @Test
    void whatTheCaseFormRefusesTheProfileRefusesInTheCaseFormsWords() {
        String[] refused = {"prescribers[0].fax", "+44 20 7946 0958", "facilityName", "North\u0007Clinic",
                "facilityNpi", "1245319598"};
        String fax = "Fax is not a US phone number: write it like (555) 123-4567, with x and the extension if there is one";
        String name = "Facility name contains a character that cannot be printed: retype it";
        String npi = "Facility NPI is not a valid NPI: a digit is mistyped or two are swapped";
        clerk.get("/cases/new");
        assertThat(clerk.post("/cases/new", "patient.lastName", "Refused-Fax", "prescriber.fax", refused[1],
                "facility.name", refused[3], "facility.npi", refused[5]).body()).as("the case form's own answer")
                .contains(fax, name, npi);
        clerk.get("/clinic/profile");

        HttpResponse<String> page = clerk.post("/clinic/profile", "prescribers[0].name", "Robin Lee, MD",
                "prescribers[0].npi", "1003000126", refused[0], refused[1], refused[2], refused[3], refused[4], refused[5]);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"prescribers-0-fax-error\">" + fax + "</p>",
                "id=\"facilityName-error\">" + name + "</p>", "id=\"facilityNpi-error\">" + npi + "</p>",
                "value=\"+44 20 7946 0958\"").doesNotContain("check digit");
        assertThat(page.body()).as("the list above the form says each label once, as the case form's list does")
                .contains("href=\"#prescribers-0-fax\">Prescriber 1: f" + fax.substring(1) + "</a>",
                        "href=\"#facilityName\">" + name + "</a>",
                        "href=\"#facilityNpi\">" + npi + "</a>")
                .doesNotContain("Fax: Fax", "Facility name: Facility name", "Facility NPI: Facility NPI");
        assertThat(clerk.get("/clinic/profile").body()).doesNotContain("Robin Lee", "+44");
    }

    @Test
    void aPhoneTheCaseFormAcceptsIsKeptAsTheCaseWritesItAndAPickedPrescriberSaves() {
        clerk.get("/clinic/profile");
        assertThat(clerk.post("/clinic/profile", "prescribers[0].name", "Robin Lee, MD", "prescribers[0].npi",
                "1003000126", "prescribers[0].phone", "555-0100 ext 2", "prescribers[0].fax", "+1 (555) 020-1000")
                .statusCode()).isEqualTo(302);
        assertThat(clerk.get("/clinic/profile").body()).contains("value=\"555-0100 x2\"", "value=\"555-020-1000\"");
        clerk.get("/cases/new");

        HttpResponse<String> posted = clerk.post("/cases/new", "patient.lastName", "Profile-Phone",
                "_clinicPrescriber", "1003000126");

        assertThat(posted.statusCode()).isEqualTo(302);
        JsonNode kase = api.get(URI.create(posted.headers().firstValue("Location").orElseThrow()).getPath()
                .replace("/cases/", "/api/v1/cases/"), "north.billing").json();
        assertThat(kase.at("/prescriber/phone").asString()).isEqualTo("555-0100 x2");
        assertThat(kase.at("/prescriber/fax").asString()).isEqualTo("555-020-1000");
    }

    @Test
    void aProfileStoredBeforeThePhoneRuleStillOpensAndItsNextSaveNamesTheFax(@Autowired JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM clinic_prescribers WHERE clinic_id = 'north'");
        jdbc.update("DELETE FROM clinic_profiles WHERE clinic_id = 'north'");
        jdbc.update("INSERT INTO clinic_profiles (clinic_id, facility_name, version, updated_by, updated_at) "
                + "VALUES ('north', 'Old Clinic', 0, 'north.billing', CURRENT_TIMESTAMP)");
        jdbc.update("INSERT INTO clinic_prescribers (clinic_id, list_index, name, npi, fax) "
                + "VALUES ('north', 0, 'Robin Lee, MD', '1003000126', '+44 20 7946 0958')");

        HttpResponse<String> opened = clerk.get("/clinic/profile");
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("value=\"Old Clinic\"", "value=\"+44 20 7946 0958\"");
        assertThat(clerk.get("/cases/new").body()).contains("Robin Lee, MD, NPI 1003000126");

        HttpResponse<String> saved = clerk.post("/clinic/profile", "facilityName", "Old Clinic",
                "prescribers[0].name", "Robin Lee, MD", "prescribers[0].npi", "1003000126",
                "prescribers[0].fax", "+44 20 7946 0958");

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("id=\"prescribers-0-fax-error\">Fax is not a US phone number");
    }

    @Test
    void onlyBillingStaffOfTheClinicSeeAndChangeTheProfile() {
        saveProfile();
        assertThat(new FormClient(port).signIn("north.clinic", ApiClient.PASSWORD).get("/clinic/profile").statusCode())
                .isEqualTo(403);
        assertThat(new FormClient(port).signIn("admin", ApiClient.PASSWORD).get("/clinic/profile").statusCode())
                .isEqualTo(403);
        FormClient south = new FormClient(port).signIn("south.billing", ApiClient.PASSWORD);
        assertThat(south.get("/clinic/profile").body()).doesNotContain("Profile Clinic", "Robin Lee");
        assertThat(south.get("/cases/new").body()).doesNotContain("Profile Clinic", "Robin Lee");
    }

    @Test
    void aNewCaseStartsFromTheProfileAndTakesThePickedPrescriber() {
        saveProfile();
        String saved = clerk.get("/clinic/profile").body();
        assertThat(saved).contains("value=\"1245319599\"", "value=\"98-7654321\"", "value=\"G2083\"", "Robin Lee, MD");

        String form = clerk.get("/cases/new").body();
        assertThat(form).contains("value=\"Profile Clinic\"", "value=\"1245319599\"", "value=\"98-7654321\"",
                "value=\"2 Side St, Springfield\"", "value=\"G2083\"", "id=\"clinic-prescriber\"",
                "data-npi=\"1003000126\"", "Robin Lee, MD, NPI 1003000126");
        assertThat(form).containsPattern("name=\"facility.remsCertified\"[^>]*>\\s*<option[^>]*>[^<]*</option>\\s*"
                + "<option value=\"true\" selected=\"selected\"");

        HttpResponse<String> posted = clerk.post("/cases/new", "patient.lastName", "Picked-Prescriber",
                "_clinicPrescriber", "1003000126", "prescriber.phone", "555-9999", "facility.name", "Profile Clinic");
        assertThat(posted.statusCode()).isEqualTo(302);
        JsonNode kase = api.get(URI.create(posted.headers().firstValue("Location").orElseThrow()).getPath()
                .replace("/cases/", "/api/v1/cases/"), "north.billing").json();
        assertThat(kase.at("/prescriber/name").asString()).isEqualTo("Robin Lee, MD");
        assertThat(kase.at("/prescriber/npi").asString()).isEqualTo("1003000126");
        assertThat(kase.at("/prescriber/specialty").asString()).isEqualTo("PSYCHIATRY");
        assertThat(kase.at("/prescriber/phone").asString()).as("typed text wins over the list").isEqualTo("555-9999");
    }

    @Test
    void copyAsNewCaseKeepsEverythingButTheRequestDatesAndScores() {
        ObjectNode sample = Samples.tree("01-complete-esketamine");
        ((ObjectNode) sample.get("patient")).put("lastName", "Copysource");
        String source = api.post("/api/v1/cases", "north.billing", Samples.json(sample)).json().get("id").asString();
        clerk.get("/cases/" + source);

        HttpResponse<String> copied = clerk.post("/cases/" + source + "/copy");

        assertThat(copied.statusCode()).isEqualTo(302);
        String edit = URI.create(copied.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(edit).matches("/cases/[0-9a-f-]{36}/edit").doesNotContain(source);
        assertThat(clerk.get(edit).body()).contains("Copied as a new draft case. Cleared: the request start date",
                "value=\"Copysource\"");
        String copy = edit.replace("/cases/", "").replace("/edit", "");
        JsonNode original = api.get("/api/v1/cases/" + source, "north.billing").json();
        JsonNode kase = api.get("/api/v1/cases/" + copy, "north.billing").json();
        assertThat(kase.get("status").asString()).isEqualTo("DRAFT");
        assertThat(kase.at("/request/startDate").isMissingNode() || kase.at("/request/startDate").isNull()).isTrue();
        assertThat(kase.path("assessments")).isEmpty();
        assertThat(kase.at("/screening/pdmpCheckedOn").isMissingNode() || kase.at("/screening/pdmpCheckedOn").isNull()).isTrue();
        assertThat(kase.at("/screening/systolic").isMissingNode() || kase.at("/screening/systolic").isNull()).isTrue();
        for (String kept : new String[] {"/patient", "/coverage", "/prescriber", "/facility", "/diagnosis",
            "/medicationTrials", "/request/lines", "/request/sessions", "/screening/substanceUse", "/policyId"}) {
            assertThat(kase.at(kept)).as(kept).isEqualTo(original.at(kept));
        }
        assertThat(actions(source)).contains("CASE_COPIED");
        assertThat(actions(copy)).contains("CASE_CREATED");
    }

    @Test
    void aSecondOpenCaseForTheSamePatientIsSavedOnlyAfterTheClerkConfirms() {
        ObjectNode sample = Samples.tree("01-complete-esketamine");
        ((ObjectNode) sample.get("patient")).put("lastName", "Twice").put("memberId", "DUP-0001");
        String existing = api.post("/api/v1/cases", "north.billing", Samples.json(sample)).json().get("id").asString();
        clerk.get("/cases/new");

        HttpResponse<String> byName = clerk.post("/cases/new", "patient.firstName", " dana ",
                "patient.lastName", "TWICE", "patient.dateOfBirth", "1979-03-14");
        HttpResponse<String> byMember = clerk.post("/cases/new", "patient.lastName", "Other", "patient.memberId",
                "dup 0001");

        for (HttpResponse<String> warned : List.of(byName, byMember)) {
            assertThat(warned.statusCode()).isEqualTo(200);
            assertThat(warned.body()).contains("id=\"duplicate-warning\"", "href=\"/cases/" + existing + "\"",
                    "Case of Dana Twice", "authorization Not submitted", "id=\"duplicate-confirm\"");
        }
        assertThat(actions(existing)).contains("CASES_LISTED");
        assertThat(clerk.post("/cases/new", "patient.lastName", "Twice", "patient.firstName", "Dana",
                "patient.dateOfBirth", "1979-03-15").statusCode()).as("another birth date is another patient")
                .isEqualTo(302);

        HttpResponse<String> confirmed = clerk.post("/cases/new", "patient.lastName", "Other",
                "patient.memberId", "dup 0001", "_duplicateConfirmed", "yes");
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(confirmed.headers().firstValue("Location").orElseThrow()).doesNotContain("Twice", "DUP", "dup");
    }

    @Test
    void aWithdrawnCaseIsNotAnOpenCase() {
        ObjectNode sample = Samples.tree("01-complete-esketamine");
        ((ObjectNode) sample.get("patient")).put("lastName", "Withdrawn").put("memberId", "WD-0001");
        String id = api.post("/api/v1/cases", "north.billing", Samples.json(sample)).json().get("id").asString();
        assertThat(api.post("/api/v1/cases/" + id + "/events", "north.billing",
                "{\"type\":\"WITHDRAWN\",\"date\":\"" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "\"}").status()).isEqualTo(201);
        clerk.get("/cases/new");

        assertThat(clerk.post("/cases/new", "patient.lastName", "Again", "patient.memberId", "WD-0001").statusCode())
                .isEqualTo(302);
    }

    private void saveProfile() {
        clerk.get("/clinic/profile");
        HttpResponse<String> saved = clerk.post("/clinic/profile", PROFILE);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(clerk.get("/clinic/profile").body()).contains("The clinic profile was saved.");
    }

    private List<String> actions(String caseId) {
        List<String> out = new ArrayList<>();
        api.get("/api/v1/audit?case=" + caseId + "&size=50", "admin").json().get("items")
                .forEach(e -> out.add(e.get("action").asString()));
        return out;
    }
}

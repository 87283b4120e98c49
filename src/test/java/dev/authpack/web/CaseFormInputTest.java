package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.SharedServiceTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17, points 5 and 10 over real HTTP: the form takes amounts, percentages, NPIs, TINs and
 * phones as clerks write them and stores them as the contract says (the API still refuses them);
 * its problems are said in plain words, the row named, in the order of the form; a new case starts
 * as an initial, non-urgent request, with the payer policies grouped by payer.
 */
@SharedServiceTest
class CaseFormInputTest {

    private static final Pattern SUMMARY = Pattern.compile("<div class=\"alert error\" id=\"error-summary\"[^>]*tabindex=\"-1\"[^>]*>(.*?)</div>",
            Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("<a href=\"#([^\"]+)\">([^<]+)</a>");

    @LocalServerPort
    int port;
    ApiClient api;
    FormClient clerk;

    @BeforeEach
    void clients() {
        api = new ApiClient(port);
        clerk = new FormClient(port).signIn("north.billing", "demo-pass-2026");
        clerk.get("/cases/new");
    }

    @Test
    void clerkWrittenValuesAreSavedAsTheContractWritesThem() {
        HttpResponse<String> saved = clerk.post("/cases/new", "policyId", "esketamine-standard",
                "patient.lastName", "Input-Normal",
                "coverage.deductibleRemaining", "$1,500.00", "coverage.oopRemaining", "4,000",
                "coverage.copayPerSession", "$40", "coverage.coinsurancePct", "20 %",
                "prescriber.npi", "1234-567-893", "prescriber.phone", "(555) 123-4567", "prescriber.fax", "+1 555.123.4568",
                "facility.npi", "124 531 9599", "facility.tin", "123456789",
                "medicationTrials[0].drug", "sertraline", "medicationTrials[0].adherencePct", "90%",
                "medicationTrials[0].improvementPct", "-5 %",
                "request.lines[0].code", "G2083", "request.lines[0].chargePerUnit", "$1,450",
                "request.lines[0].allowedPerUnit", "1,289.82");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String id = URI.create(saved.headers().firstValue("Location").orElseThrow()).getPath().replace("/cases/", "");

        JsonNode got = api.get("/api/v1/cases/" + id, "north.billing").json();

        assertThat(got.at("/coverage/deductibleRemaining").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(got.at("/coverage/oopRemaining").decimalValue()).isEqualByComparingTo("4000");
        assertThat(got.at("/coverage/copayPerSession").decimalValue()).isEqualByComparingTo("40");
        assertThat(got.at("/coverage/coinsurancePct").decimalValue()).isEqualByComparingTo("20");
        assertThat(got.at("/prescriber/npi").asString()).isEqualTo("1234567893");
        assertThat(got.at("/prescriber/phone").asString()).isEqualTo("555-123-4567");
        assertThat(got.at("/prescriber/fax").asString()).isEqualTo("555-123-4568");
        assertThat(got.at("/facility/npi").asString()).isEqualTo("1245319599");
        assertThat(got.at("/facility/tin").asString()).isEqualTo("12-3456789");
        assertThat(got.at("/medicationTrials/0/adherencePct").decimalValue()).isEqualByComparingTo("90");
        assertThat(got.at("/medicationTrials/0/improvementPct").decimalValue()).isEqualByComparingTo("-5");
        assertThat(got.at("/request/lines/0/chargePerUnit").decimalValue()).isEqualByComparingTo("1450");
        assertThat(got.at("/request/lines/0/allowedPerUnit").decimalValue()).isEqualByComparingTo("1289.82");
    }

    @Test
    void theApiStaysStrictAboutHowNumbersAreWritten() {
        ApiClient.Response r = api.post("/api/v1/cases", "north.billing",
                "{\"patient\": {\"lastName\": \"Strict\"}, \"coverage\": {\"deductibleRemaining\": \"$1,500.00\","
                        + " \"coinsurancePct\": \"20%\"}, \"prescriber\": {\"npi\": \"1234-567-893\"}}");

        assertThat(r.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("coverage.deductibleRemaining", "coverage.coinsurancePct", "prescriber.npi");
    }

    @Test
    void problemsAreSaidInPlainWordsNamingTheRowInFormOrder() {
        HttpResponse<String> page = clerk.post("/cases/new", "policyId", "esketamine-standard",
                "patient.lastName", "Input-Wrong",
                "coverage.deductibleRemaining", "$1,45",
                "prescriber.npi", "1234567890", "prescriber.phone", "555-123",
                "facility.npi", "12345",
                "assessments[0].instrument", "PHQ9", "assessments[0].score", "30", "assessments[0].date", "2026-11-10",
                "medicationTrials[0].dailyDoseMg", "200",
                "medicationTrials[1].drug", "venlafaxine", "medicationTrials[1].startDate", "2025-05-01",
                "medicationTrials[1].endDate", "2025-04-20",
                "request.lines[0].code", "G2083", "request.lines[0].chargePerUnit", "fourteen hundred");

        assertThat(page.statusCode()).isEqualTo(200);
        Matcher summary = SUMMARY.matcher(page.body());
        assertThat(summary.find()).as("an error summary that can take focus").isTrue();
        List<String> anchors = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        Matcher link = LINK.matcher(summary.group(1));
        while (link.find()) {
            anchors.add(link.group(1));
            lines.add(link.group(2));
        }
        assertThat(lines).containsExactly(
                "Deductible remaining ($) is not an amount: write it like 1,500.00 or $1,500",
                "Prescriber NPI is not a valid NPI: a digit is mistyped or two are swapped",
                "Phone is not a US phone number: write it like (555) 123-4567, with x and the extension if there is one",
                "Facility NPI must have 10 digits (spaces and dashes are fine, letters are not)",
                "Score 1: score must be between 0 and 27 on this rating scale",
                "Trial 1: enter the name of the drug tried",
                "Trial 2: end date is before the start date",
                "Line 1: charge per unit ($) is not an amount: write it like 1,500.00 or $1,500");
        assertThat(anchors).containsExactly("coverage-deductibleRemaining", "prescriber-npi", "prescriber-phone",
                "facility-npi", "assessments-0-score", "medicationTrials-0-drug", "medicationTrials-1-endDate",
                "request-lines-0-chargePerUnit");
        for (String anchor : anchors) {
            assertThat(page.body()).as(anchor).contains("id=\"" + anchor + "\"");
        }
        assertThat(page.body()).doesNotContain("must not be null", "must be a number", "must be on or after", "for PHQ9", "medicationTrials[1].endDate:")
                .contains("value=\"$1,45\"", "value=\"fourteen hundred\"")
                .contains(">End date is before the start date</p>");
    }

    /** A value no list offers (a tampered or stale page) is said of the field, not as "Choose the Urgent from the list". */
    @Test
    void aValueNoListOffersIsAskedForAmongTheListedOnesInPlainWords() {
        HttpResponse<String> page = clerk.post("/cases/new", "policyId", "medical-mutual-spravato",
                "patient.lastName", "Input-Tampered", "request.urgent", "perhaps", "screening.concurrentTherapies", "rTMS");

        Matcher summary = SUMMARY.matcher(page.body());
        assertThat(summary.find()).isTrue();
        assertThat(summary.group(1)).contains("Urgent: choose one of the listed values",
                "Other treatments now: choose one of the listed values").doesNotContain("Choose the", "from the list");
    }

    @Test
    void aDateOfNoDayAndAYearOutOfRangeAreEachSaidForWhatTheyAre() {
        HttpResponse<String> page = clerk.post("/cases/new", "policyId", "esketamine-standard",
                "patient.lastName", "Input-Dates", "patient.dateOfBirth", "0202-03-14",
                "medicationTrials[0].drug", "sertraline", "medicationTrials[0].startDate", "2025-02-30");

        Matcher summary = SUMMARY.matcher(page.body());
        assertThat(summary.find()).isTrue();
        assertThat(summary.group(1)).contains("Date of birth must be a year from 1900 to 2999: check the year",
                "Trial 1: start date is not a day of the calendar: check the day and the month")
                .doesNotContain("not accepted as typed", "as a full date");
        assertThat(page.body()).contains("value=\"0202-03-14\"", "value=\"2025-02-30\"");
    }

    @Test
    void aFormTooLargeToTakeSaysNothingWasSavedAndTooManyRowsNamesTheList() throws Exception {
        String token = FormClient.csrfOf(clerk.get("/cases/new").body());
        HttpResponse<String> huge = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/cases/new"))
                .header("Accept", "text/html").header("Cookie", "JSESSIONID=" + clerk.sessionId())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                        + "&patient.lastName=Input-Huge&facility.address=" + "x".repeat(3 * 1024 * 1024))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("none of it was saved", "your browser still holds what you typed")
                .doesNotContain("Nothing you sent was lost");

        clerk.get("/cases/new");
        List<String> rows = new ArrayList<>(List.of("policyId", "esketamine-standard", "patient.lastName", "Input-Rows"));
        for (int i = 0; i <= 50; i++) {
            rows.addAll(List.of("medicationTrials[" + i + "].drug", "sertraline"));
        }
        Matcher summary = SUMMARY.matcher(clerk.post("/cases/new", rows.toArray(String[]::new)).body());
        assertThat(summary.find()).isTrue();
        assertThat(summary.group(1)).contains("Medication trials: too many rows; a case may have at most 50");
    }

    @Test
    void aWholeNumberFieldAsksForAWholeNumberWhateverWasTyped() {
        for (String typed : new String[] {"abc", "12.5"}) {
            HttpResponse<String> page = clerk.post("/cases/new", "policyId", "esketamine-standard",
                    "patient.lastName", "Input-Sessions", "request.sessions", typed);

            Matcher summary = SUMMARY.matcher(page.body());
            assertThat(summary.find()).as(typed).isTrue();
            assertThat(summary.group(1)).as(typed).contains("Sessions must be a whole number, for example 12")
                    .doesNotContain("12.5", "1500");
        }
    }

    @Test
    void newCaseStartsInitialNotUrgentWithPoliciesGroupedByPayer() {
        String form = clerk.get("/cases/new").body();

        assertThat(form).containsPattern("<option value=\"INITIAL\"\\s+selected");
        assertThat(form).containsPattern("name=\"request.urgent\"[\\s\\S]*?<option value=\"false\"\\s+selected");
        // other tests in the shared database upload Cigna versions of their own, so the group may hold more
        assertThat(form).containsPattern("<optgroup label=\"Cigna[^\"]*\">(?:(?!</optgroup>)[\\s\\S])*?"
                + "<option value=\"cigna-spravato\"[^>]*>Spravato \\(esketamine\\), commercial</option>");
        assertThat(form).containsPattern("<optgroup label=\"Common criteria, any payer\">[\\s\\S]*?value=\"esketamine-standard\"");
        assertThat(form).contains("id=\"policyId-hint\"", "id=\"coverage-payerName-hint\"", "aria-describedby=\"coverage-payerName-hint\"");
    }
}

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Contract v1.1 end to end over real HTTP: the new members round-trip through the API and the form,
 * the form asks for them only where the chosen policy reads them (with that policy's rule as help),
 * and {@code ?policy=all} and the case page say which payers would find the case complete.
 */
@SharedServiceTest
class PolicyFieldsWebTest {

    @LocalServerPort
    int port;
    ApiClient api;
    FormClient clerk;

    @BeforeEach
    void clients() {
        api = new ApiClient(port);
        clerk = new FormClient(port).signIn("north.billing", "demo-pass-2026");
    }

    private String create(ObjectNode body) {
        ApiClient.Response created = api.post("/api/v1/cases", "north.billing", Samples.json(body));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void newMembersRoundTripThroughTheApi() {
        ObjectNode sent = Samples.tree("06-qualchoice-antidepressant-too-recent");
        ((ObjectNode) sent.get("prescriber")).putObject("consultingPsychiatrist").put("name", "Rae Chen, MD")
                .put("npi", "1245319599");
        ((ObjectNode) sent.get("diagnosis")).put("structuredInterview", true);
        ((ObjectNode) sent.get("screening")).put("abstinentSince", "2026-01-02").put("patientRemsEnrolled", true)
                .putArray("concurrentTherapies").add("TMS");
        ((ObjectNode) sent.get("request")).put("priorEsketamineImprovementPct", 62.5).put("psychotherapyUnavailable", false);

        JsonNode got = api.get("/api/v1/cases/" + create(sent), "north.billing").json();

        for (String path : List.of("/request/indication", "/request/concurrentAntidepressant", "/prescriber/consultingPsychiatrist",
                "/diagnosis/structuredInterview", "/screening/abstinentSince", "/screening/concurrentTherapies",
                "/screening/patientRemsEnrolled", "/screening/ketamineHypersensitivity", "/request/psychotherapyUnavailable")) {
            assertThat(got.at(path).toString()).as(path).isEqualTo(sent.at(path).toString());
        }
        assertThat(got.at("/request/priorEsketamineImprovementPct").decimalValue()).isEqualByComparingTo("62.5");
    }

    @Test
    void badNewMembersAreA400NamingEachField() {
        ObjectNode sent = Samples.tree("06-qualchoice-antidepressant-too-recent");
        ((ObjectNode) sent.get("request")).put("indication", "SUICIDAL");
        ((ObjectNode) sent.get("screening")).put("abstinentSince", "2999-01-01").putArray("concurrentTherapies").add("rTMS");
        ((ObjectNode) sent.get("prescriber")).putObject("consultingPsychiatrist").put("npi", "1234567890");

        ApiClient.Response r = api.post("/api/v1/cases", "north.billing", Samples.json(sent));

        assertThat(r.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("request.indication", "screening.abstinentSince", "screening.concurrentTherapies[0]",
                "prescriber.consultingPsychiatrist.npi");
    }

    @Test
    void everyPolicyCoveringTheTreatmentAnswers() {
        String id = create(Samples.tree("06-qualchoice-antidepressant-too-recent"));

        JsonNode all = api.get("/api/v1/cases/" + id + "/completeness?policy=all", "north.billing").json();

        assertThat(all.get("asOf").asString()).isEqualTo("2026-12-05");
        List<String> ids = new ArrayList<>();
        all.get("policies").forEach(p -> ids.add(p.get("policy").get("id").asString()));
        assertThat(ids).contains("qualchoice-spravato", "cigna-spravato", "texas-medicaid-spravato", "esketamine-standard")
                .doesNotContain("self-pay", "aetna-ketamine-0938");
        JsonNode qualchoice = find(all, "qualchoice-spravato");
        assertThat(qualchoice.get("complete").asBoolean()).isFalse();
        assertThat(qualchoice.get("unmet")).singleElement()
                .satisfies(c -> assertThat(c.get("id").asString()).isEqualTo("CONCURRENT_ANTIDEPRESSANT"));
        assertThat(find(all, "texas-medicaid-spravato").get("policy").get("effectiveFrom").asString()).isEqualTo("2025-10-01");

        JsonNode cigna = api.get("/api/v1/cases/" + id + "/completeness?policy=cigna-spravato", "north.billing").json();
        assertThat(cigna.get("policy").get("id").asString()).isEqualTo("cigna-spravato");
        ApiClient.Response unknown = api.get("/api/v1/cases/" + id + "/completeness?policy=nope", "north.billing");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("\"field\":\"policy\"");
    }

    @Test
    void casePageShowsWhichPayersWouldSayYes() {
        String id = create(Samples.tree("06-qualchoice-antidepressant-too-recent"));

        String page = clerk.get("/cases/" + id).body();

        assertThat(page).contains("Which payers would say yes", "id=\"compare-qualchoice-spravato\"",
                "Oral antidepressant alongside: mirtazapine 30 mg/day started 2026-11-25");
    }

    @Test
    void formAsksForTheMembersTheChosenPolicyReadsWithItsRuleAsHelp() {
        String qualchoice = create(Samples.tree("06-qualchoice-antidepressant-too-recent"));
        String standard = create(Samples.tree("01-complete-esketamine"));

        String asked = clerk.get("/cases/" + qualchoice + "/edit").body();
        String notAsked = clerk.get("/cases/" + standard + "/edit").body();

        assertThat(section(asked, "request.concurrentAntidepressant")).doesNotContain("hidden");
        assertThat(asked).containsPattern("data-help-for=\"qualchoice-spravato\"\\s*>This policy wants an oral antidepressant"
                + " alongside for TRD and MDSI, started at least 14 days before the start date");
        assertThat(asked).contains("name=\"request.concurrentAntidepressant.startDate\"", "value=\"2026-11-25\"");
        assertThat(section(notAsked, "request.concurrentAntidepressant")).contains("hidden");
        assertThat(section(notAsked, "screening.patientRemsEnrolled")).contains("hidden");
    }

    @Test
    void formSavesTheNewMembers() {
        clerk.get("/cases/new");
        HttpResponse<String> saved = clerk.post("/cases/new", "policyId", "medical-mutual-spravato",
                "patient.lastName", "Formv-Eleven", "screening.concurrentTherapies", "TMS", "screening.concurrentTherapies", "ECT",
                "prescriber.consultingPsychiatrist.name", "Rae Chen, MD", "prescriber.consultingPsychiatrist.npi", "1245319599",
                "request.concurrentAntidepressant.drug", "escitalopram", "request.indication", "MDSI",
                "request.psychotherapyUnavailable", "true");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String id = URI.create(saved.headers().firstValue("Location").orElseThrow()).getPath().replace("/cases/", "");

        JsonNode got = api.get("/api/v1/cases/" + id, "north.billing").json();

        assertThat(got.at("/screening/concurrentTherapies").toString()).isEqualTo("[\"TMS\",\"ECT\"]");
        assertThat(got.at("/prescriber/consultingPsychiatrist/npi").asString()).isEqualTo("1245319599");
        assertThat(got.at("/request/concurrentAntidepressant/drug").asString()).isEqualTo("escitalopram");
        assertThat(got.at("/request/indication").asString()).isEqualTo("MDSI");
        assertThat(got.at("/request/psychotherapyUnavailable").asBoolean()).isTrue();
        String form = clerk.get("/cases/" + id + "/edit").body();
        assertThat(form).containsPattern("value=\"TMS\"\\s+checked");
    }

    /** The checkbox group's problem has an id the group names, and its boxes say they are in error. */
    @Test
    void aRefusedCheckboxGroupIsDescribedByItsProblem() {
        clerk.get("/cases/new");
        HttpResponse<String> refused = clerk.post("/cases/new", "policyId", "medical-mutual-spravato",
                "patient.lastName", "Formv-Tampered", "screening.concurrentTherapies", "rTMS");

        assertThat(refused.statusCode()).isEqualTo(200);
        String page = refused.body();
        assertThat(page).containsPattern("<fieldset class=\"field has-error\" id=\"screening-concurrentTherapies\"\\s+"
                + "aria-describedby=\"screening-concurrentTherapies-error\">")
                .containsPattern("<p class=\"error\" id=\"screening-concurrentTherapies-error\">Other treatments now")
                .containsPattern("name=\"screening.concurrentTherapies\" value=\"TMS\"\\s+aria-invalid=\"true\"");
    }

    private static JsonNode find(JsonNode all, String id) {
        for (JsonNode p : all.get("policies")) {
            if (p.get("policy").get("id").asString().equals(id)) {
                return p;
            }
        }
        throw new AssertionError("no " + id);
    }

    /** The opening tag of the wrapper of an optional member. */
    private static String section(String page, String path) {
        int at = page.indexOf("data-policy-field=\"" + path + "\"");
        assertThat(at).as(path).isPositive();
        return page.substring(page.lastIndexOf("<div", at), page.indexOf('>', at) + 1);
    }
}

package dev.authpack.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.PdfChecks;
import dev.authpack.rendering.PdfRenderer;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The estimate endpoint over real HTTP, as a clinic's script calls it. */
@SharedServiceTest
class EstimateApiTest {

    private static final String BILLING = "north.billing";
    private static final String CLINIC = "north.clinic";
    private static final String SOUTH = "south.billing";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void sample01EstimateMatchesTheContractsWorkedExample() throws Exception {
        String caseId = create(Samples.text("01-complete-esketamine"));

        Response r = api.post("/api/v1/cases/" + caseId + "/estimate", BILLING, "");

        assertThat(r.status()).isEqualTo(201);
        JsonNode estimate = r.json().get("estimate");
        assertThat(estimate.get("sessions").asInt()).isEqualTo(8);
        assertThat(money(estimate.at("/totals/patient"))).isEqualTo("3263.69");
        assertThat(money(estimate.at("/totals/plan"))).isEqualTo("7054.87");
        assertThat(money(estimate.at("/totals/allowed"))).isEqualTo("10318.56");
        assertThat(money(estimate.at("/totals/charges"))).isEqualTo("11600.00");
        assertThat(money(estimate.at("/totals/balanceBilling"))).isEqualTo("0.00");
        assertThat(estimate.get("perSession")).hasSize(8);
        assertThat(money(estimate.at("/perSession/1/patient"))).isEqualTo("426.11");
        assertThat(estimate.at("/perSession/1/session").asInt()).isEqualTo(2);

        JsonNode document = r.json().get("document");
        assertThat(document.get("kind").asString()).isEqualTo("ESTIMATE");
        assertThat(document.get("caseId").asString()).isEqualTo(caseId);
        assertThat(r.location()).endsWith("/api/v1/documents/" + document.get("id").asString());

        Response pdf = api.get("/api/v1/documents/" + document.get("id").asString(), BILLING);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(PdfRenderer.sha256(pdf.body())).isEqualTo(document.get("sha256").asString());
        assertThat(String.join(" ", PdfChecks.pageTexts(pdf.body())))
                .contains("$3,263.69", "Reyes", "1245319599", "12-3456789", "F33.2", "G2083");
    }

    /**
     * An estimate records the fee schedule that priced it and the code table that described its diagnosis, so that
     * one made after either was raised is no identical copy of it (IdenticalCopies); the API does not show them.
     */
    @Test
    void anEstimateRecordsTheFeeScheduleAndCodeTableVersionsItWasMadeFrom() {
        String caseId = create(Samples.text("01-complete-esketamine"));

        Response r = api.post("/api/v1/cases/" + caseId + "/estimate", BILLING, "");

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        String id = r.json().at("/document/id").asString();
        assertThat(jdbc.queryForObject("SELECT content_versions FROM documents WHERE id = ?", String.class, id))
                .matches("fee-schedules clinic-standard \\S+; codes \\S+");
        assertThat(r.json().get("document").has("contentVersions")).isFalse();
    }

    @Test
    void aLanguageOtherThanEnglishOrSpanishIs400NamingLangAndStoresNothing() {
        String caseId = create(Samples.text("03-self-pay-ketamine"));

        for (String lang : new String[] {"fr", "de-DE", "xx"}) {
            Response r = api.post("/api/v1/cases/" + caseId + "/estimate?lang=" + lang, BILLING, "");

            assertThat(r.status()).as(lang).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("lang");
        }
        assertThat(api.get("/api/v1/cases/" + caseId + "/documents", BILLING).json()).isEmpty();
        assertThat(api.post("/api/v1/cases/" + caseId + "/estimate?lang=en", BILLING, "").status()).isEqualTo(201);
    }

    @Test
    void sample03SelfPayIsAGoodFaithEstimateInEitherLanguage() throws Exception {
        String caseId = create(Samples.text("03-self-pay-ketamine"));

        Response en = api.post("/api/v1/cases/" + caseId + "/estimate", BILLING, "");
        Response es = api.post("/api/v1/cases/" + caseId + "/estimate?lang=es", BILLING, "");

        assertThat(en.status()).isEqualTo(201);
        assertThat(es.status()).isEqualTo(201);
        assertThat(money(en.json().at("/estimate/totals/patient"))).isEqualTo("3600.00");
        assertThat(money(es.json().at("/estimate/totals/patient"))).isEqualTo("3600.00");
        assertThat(money(en.json().at("/estimate/totals/plan"))).isEqualTo("0.00");
        assertThat(pdfText(en)).contains("Good Faith Estimate", "$3,600.00", "$400", "dispute");
        assertThat(pdfText(es)).contains("Estimación de buena fe", "$3,600.00", "$400", "disputa");
    }

    /** The diagnosis reads in the patient's language: the code table's Spanish title, not its English one. */
    @Test
    void spanishGoodFaithEstimateDescribesTheDiagnosisInSpanish() throws Exception {
        String caseId = create(Samples.text("03-self-pay-ketamine"));

        String es = pdfText(api.post("/api/v1/cases/" + caseId + "/estimate?lang=es", BILLING, ""));
        String en = pdfText(api.post("/api/v1/cases/" + caseId + "/estimate", BILLING, ""));

        assertThat(es).contains("F33.2 — Trastorno depresivo mayor, recurrente, grave sin síntomas psicóticos")
                .doesNotContain("Major depressive disorder");
        assertThat(en).contains("F33.2 — Major depressive disorder, recurrent severe without psychotic features")
                .doesNotContain("Trastorno");
    }

    /**
     * A line that takes its words from the fee schedule reads in the patient's language; a line whose
     * description the clinic typed keeps the clinic's words. The figures and the JSON stay as they are.
     */
    @Test
    void spanishEstimateDescribesFeeScheduleLinesInSpanishAndKeepsTheClinicsOwnWords() throws Exception {
        ObjectNode body = Samples.tree("01-complete-esketamine");
        ((ArrayNode) body.at("/request/lines")).addObject().put("code", "J0013").put("unitsPerSession", 84);
        String caseId = create(Samples.json(body));

        Response es = api.post("/api/v1/cases/" + caseId + "/estimate?lang=es", BILLING, "");
        Response en = api.post("/api/v1/cases/" + caseId + "/estimate", BILLING, "");

        assertThat(pdfText(es)).contains("Esketamina en aerosol nasal, 1 mg",
                "Esketamine >56 mg, supervised, 2 h observation").doesNotContain("Esketamine nasal spray");
        assertThat(pdfText(en)).contains("Esketamine nasal spray, 1 mg",
                "Esketamine >56 mg, supervised, 2 h observation").doesNotContain("Esketamina");
        assertThat(es.json().get("estimate")).isEqualTo(en.json().get("estimate"));
        assertThat(es.json().at("/estimate/lines/1/description").asString()).isEqualTo("Esketamine nasal spray, 1 mg");
    }

    @Test
    void estimateWithoutLinesOrSessionsIsRefusedNamingThem() {
        ObjectNode body = Samples.tree("01-complete-esketamine");
        ((ObjectNode) body.get("request")).remove("sessions");
        ((ObjectNode) body.get("request")).remove("lines");
        String caseId = create(Samples.json(body));

        Response r = api.post("/api/v1/cases/" + caseId + "/estimate", BILLING, "");

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).contains("request.sessions", "request.lines");
        assertThat(r.json().get("missing").toString()).contains("request.sessions", "request.lines");
    }

    /** Without a plan type it was priced as insured with no benefits: "you will likely pay $0.00". */
    @Test
    void estimateWithoutAPlanTypeIsRefusedNamingItAndStoresNothing() {
        ObjectNode body = Samples.tree("01-complete-esketamine");
        body.remove("coverage");
        String caseId = create(Samples.json(body));

        Response r = api.post("/api/v1/cases/" + caseId + "/estimate", BILLING, "");

        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("coverage.planType");
        assertThat(r.json().get("detail").asString()).contains("coverage.planType");
        assertThat(api.get("/api/v1/cases/" + caseId + "/documents", BILLING).json()).isEmpty();
    }

    @Test
    void lineWithoutChargeIsPricedFromTheFeeSchedule() {
        String caseId = create(withLine("J0013", 84, false));

        Response r = api.post("/api/v1/cases/" + caseId + "/estimate", BILLING, "");

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        // clinic-standard: J0013 at 12.50 per mg; 84 mg a session, 8 sessions
        assertThat(money(r.json().at("/estimate/totals/charges"))).isEqualTo("8400.00");
        assertThat(r.json().at("/estimate/warnings")).isEmpty();
    }

    @Test
    void retiredCodeIsWarnedAbout() {
        String caseId = create(withLine("S0013", 84, true));

        Response r = api.post("/api/v1/cases/" + caseId + "/estimate", BILLING, "");

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().at("/estimate/warnings/0").asString())
                .isEqualTo("S0013 was replaced by J0013 on 2026-01-01");
    }

    /** 45 CFR 149.610 wants a Good Faith Estimate before the service: one for a date already past is flagged, still made. */
    @Test
    void aGoodFaithEstimateForAStartDateAlreadyPastIsMadeWithAWarning() {
        ObjectNode selfPay = Samples.tree("03-self-pay-ketamine");
        LocalDate past = LocalDate.now().minusDays(3);
        ((ObjectNode) selfPay.get("request")).put("startDate", past.toString());
        String caseId = create(Samples.json(selfPay));

        Response r = api.post("/api/v1/cases/" + caseId + "/estimate", BILLING, "");

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().at("/estimate/warnings/0").asString())
                .startsWith("The start date " + past + " has passed: a Good Faith Estimate is given before the service");
    }

    /** A start date before every fee schedule, every line with its own charge: the footer names no empty schedule. */
    @Test
    void aStartDateNoFeeScheduleCoversSaysSoInTheFooterInEitherLanguage() throws Exception {
        String caseId = create(Samples.text("01-complete-esketamine").replace("\"2026-11-30\"", "\"2024-12-31\""));

        String en = pdfText(api.post("/api/v1/cases/" + caseId + "/estimate", BILLING, ""));
        String es = pdfText(api.post("/api/v1/cases/" + caseId + "/estimate?lang=es", BILLING, ""));

        assertThat(en).contains("December 31, 2024", "no fee schedule applies on its date")
                .doesNotContain("fee schedule .");
        assertThat(es).contains("ningún tarifario se aplica en su fecha").doesNotContain("tarifario .");
    }

    @Test
    void retiredCodeWithoutAChargeCannotBePriced() {
        String caseId = create(withLine("S0013", 84, false));

        Response r = api.post("/api/v1/cases/" + caseId + "/estimate", BILLING, "");

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("detail").asString()).contains("request.lines[0].chargePerUnit");
    }

    @Test
    void onlyBillingStaffOfTheCasesClinicMayGenerate() {
        String caseId = create(Samples.text("01-complete-esketamine"));

        assertThat(api.post("/api/v1/cases/" + caseId + "/estimate", CLINIC, "").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/cases/" + caseId + "/estimate", SOUTH, "").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/cases/" + caseId + "/estimate?lang=fr", BILLING, "").status()).isEqualTo(400);
    }

    /**
     * The largest amounts a line accepts ($99,999,999.99 a unit, 10,000 units, 60 sessions) print as
     * 22-character figures in four columns of the lines table. Unbreakable, they made the table wider
     * than the page and "You pay" ran off its right edge, where a reader (and pdftotext) loses it.
     */
    @Test
    void theLargestAmountsALineAcceptsStayOnThePageInBothLanguages() throws Exception {
        ObjectNode body = Samples.tree("01-complete-esketamine");
        ((ObjectNode) body.get("request")).put("sessions", 60);
        ((ObjectNode) body.at("/request/lines/0")).put("unitsPerSession", 10000)
                .put("chargePerUnit", new BigDecimal("99999999.99")).put("allowedPerUnit", new BigDecimal("99999999.99"));
        ((ObjectNode) body.get("coverage")).remove("oopRemaining");
        String caseId = create(Samples.json(body));

        for (String lang : new String[] {"en", "es"}) {
            Response r = api.post("/api/v1/cases/" + caseId + "/estimate?lang=" + lang, BILLING, "");
            assertThat(r.status()).isEqualTo(201);
            byte[] pdf = api.get("/api/v1/documents/" + r.json().at("/document/id").asString(), BILLING).body();

            assertThat(PdfChecks.glyphsNearOrPastTheEdge(pdf, 4f)).as(lang).isEmpty();
            // every figure of the line whole: the course's charges, and the patient's share (the plan allows it all)
            String text = String.join("", PdfChecks.pageTextsInsidePage(pdf)).replaceAll("\\s+", "");
            assertThat(text).as(lang).contains("$999,999,999,900.00", "$59,999,999,994,000.00");
        }
    }

    private static String withLine(String code, int units, boolean charged) {
        ObjectNode body = Samples.tree("01-complete-esketamine");
        ObjectNode line = (ObjectNode) body.at("/request/lines/0");
        line.put("code", code).put("unitsPerSession", units).remove(List.of("allowedPerUnit", "description"));
        if (charged) {
            line.put("chargePerUnit", new BigDecimal("12.50"));
        } else {
            line.remove("chargePerUnit");
        }
        return Samples.json(body);
    }

    private String create(String json) {
        Response r = api.post("/api/v1/cases", BILLING, json);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private String pdfText(Response generated) throws Exception {
        Response pdf = api.get("/api/v1/documents/" + generated.json().at("/document/id").asString(), BILLING);
        return String.join(" ", PdfChecks.pageTexts(pdf.body())).replaceAll("\\s+", " ");
    }

    private static String money(JsonNode n) {
        return new BigDecimal(n.asString()).setScale(2).toPlainString();
    }
}

package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract counts absent benefit figures as 0, so an insured case with no deductible, coinsurance or copay got an
 * estimate saying the patient will likely pay $0.00, and nothing on the case page said why. The page now says so
 * beside the Estimate button, before and after it is pressed, with a link to the coverage fields; a case with its
 * figures, and a self-pay case (whose patient pays the charges), are told nothing.
 */
@SharedServiceTest
class EstimateWithoutCostSharingTest {

    private static final String WARNING = "id=\"estimate-no-cost-sharing\"";

    @LocalServerPort
    int port;

    @Test
    void anInsuredCaseWithoutCostSharingFiguresIsToldBesideTheEstimateButtonThatThePatientWillShowAsPayingNothing() {
        ApiClient api = new ApiClient(port);
        ObjectNode kase = Samples.tree("01-complete-esketamine");
        ((ObjectNode) kase.get("coverage")).remove(java.util.List.of("deductibleRemaining", "coinsurancePct",
                "copayPerSession", "oopRemaining"));
        String unshared = created(api, Samples.json(kase));
        String withFigures = created(api, Samples.text("01-complete-esketamine"));
        String selfPay = created(api, Samples.text("03-self-pay-ketamine"));
        FormClient clerk = new FormClient(port).signIn(LifecycleHttp.BILLING, "demo-pass-2026");

        String page = clerk.get("/cases/" + unshared).body();
        assertThat(page).contains(WARNING, "No deductible, coinsurance or copay is recorded for this case: the estimate"
                        + " counts them as zero, so it will say the patient pays $0.00.",
                "<a href=\"/cases/" + unshared + "/edit#coverage\">Record the patient&#39;s deductible, coinsurance and copay</a>",
                "aria-describedby=\"estimate-no-cost-sharing\"");
        assertThat(clerk.post("/cases/" + unshared + "/estimate", "lang", "en").statusCode()).isEqualTo(302);
        assertThat(clerk.get("/cases/" + unshared).body()).as("the page after the estimate is made")
                .contains("id=\"new-document\"", WARNING);
        assertThat(new BigDecimal(api.post("/api/v1/cases/" + unshared + "/estimate", LifecycleHttp.BILLING, "")
                .json().at("/estimate/totals/patient").asString())).as("what the warning says the estimate shows")
                .isEqualByComparingTo("0.00");

        assertThat(clerk.get("/cases/" + withFigures).body()).contains("id=\"generate-estimate\"").doesNotContain(WARNING);
        assertThat(clerk.get("/cases/" + selfPay).body()).contains("id=\"generate-estimate\"").doesNotContain(WARNING);
    }

    @Test
    void anInsuredCaseWhoseRecordedCostSharingIsAllZeroIsToldSoBesideTheEstimateButton() {
        ApiClient api = new ApiClient(port);
        String copayZeroAlone = created(api, Samples.json(coverage(null, null, "0", null)));
        String allZero = created(api, Samples.json(coverage("0", "0", "0", "4000.00")));
        String payerSaidZero = created(api, Samples.json(coverage("0", "0", "0", "0")));
        String copayTen = created(api, Samples.json(coverage(null, null, "10.00", null)));
        FormClient clerk = new FormClient(port).signIn(LifecycleHttp.BILLING, "demo-pass-2026");

        for (String id : new String[] {copayZeroAlone, allZero}) {
            assertThat(clerk.get("/cases/" + id).body()).as("case %s", id).contains(WARNING,
                    "The cost sharing recorded for this case is zero (a deductible, coinsurance or copay not recorded counts"
                            + " as zero too): the estimate will say the patient pays $0.00.",
                    "<a href=\"/cases/" + id + "/edit#coverage\">Check the patient&#39;s deductible, coinsurance and copay</a>",
                    "aria-describedby=\"estimate-no-cost-sharing\"")
                    .doesNotContain("No deductible, coinsurance or copay is recorded");
        }
        assertThat(new BigDecimal(api.post("/api/v1/cases/" + copayZeroAlone + "/estimate", LifecycleHttp.BILLING, "")
                .json().at("/estimate/totals/patient").asString())).as("what the warning says the estimate shows")
                .isEqualByComparingTo("0.00");
        assertThat(clerk.get("/cases/" + payerSaidZero).body()).as("out-of-pocket remainder recorded as 0")
                .contains("id=\"generate-estimate\"").doesNotContain(WARNING);
        assertThat(clerk.get("/cases/" + copayTen).body()).contains("id=\"generate-estimate\"").doesNotContain(WARNING);
    }

    /** The complete sample with these benefit figures (null: not recorded). */
    private static ObjectNode coverage(String deductible, String coinsurance, String copay, String oop) {
        ObjectNode kase = Samples.tree("01-complete-esketamine");
        ObjectNode coverage = (ObjectNode) kase.get("coverage");
        coverage.remove(java.util.List.of("deductibleRemaining", "coinsurancePct", "copayPerSession", "oopRemaining"));
        if (deductible != null) { coverage.put("deductibleRemaining", new BigDecimal(deductible)); }
        if (coinsurance != null) { coverage.put("coinsurancePct", new BigDecimal(coinsurance)); }
        if (copay != null) { coverage.put("copayPerSession", new BigDecimal(copay)); }
        if (oop != null) { coverage.put("oopRemaining", new BigDecimal(oop)); }
        return kase;
    }

    private static String created(ApiClient api, String json) {
        ApiClient.Response r = api.post("/api/v1/cases", LifecycleHttp.BILLING, json);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asString();
    }
}

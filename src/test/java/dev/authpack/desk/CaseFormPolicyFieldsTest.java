package dev.authpack.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which optional members the form asks for, and the help beside them. */
class CaseFormPolicyFieldsTest {

    @Test
    void helpKeepsThePoliciesInTheCatalogsOrderAtEveryStart() {
        Map<String, Map<String, String>> byPolicy = new LinkedHashMap<>();
        for (int i = 0; i < 26; i++) {
            byPolicy.put("policy-" + (char) ('z' - i), Map.of("screening.pregnant", "help " + i));
        }
        byPolicy.put("self-pay", Map.of());

        Map<String, String> help = new CaseFormPolicyFields(byPolicy).help("screening.pregnant");

        assertThat(help.keySet()).containsExactlyElementsOf(byPolicy.keySet().stream().limit(26).toList());
    }

    @Test
    void aMemberIsShownWhenTheChosenPolicyReadsItOrItHoldsAValue() {
        CaseFormPolicyFields fields = new CaseFormPolicyFields(Map.of("cigna-spravato",
                Map.of("screening.psychosisRiskAttested", "help")));
        CaseForm cigna = new CaseForm(Map.of("policyId", "cigna-spravato"), Map.of(), null);
        CaseForm other = new CaseForm(Map.of("policyId", "esketamine-standard"), Map.of(), null);
        CaseForm otherWithValue = new CaseForm(Map.of("policyId", "esketamine-standard",
                "screening.psychosisRiskAttested", "true"), Map.of(), null);

        assertThat(fields.shown(cigna, "screening.psychosisRiskAttested")).isTrue();
        assertThat(fields.shown(other, "screening.psychosisRiskAttested")).isFalse();
        assertThat(fields.shown(otherWithValue, "screening.psychosisRiskAttested")).isTrue();
    }
}

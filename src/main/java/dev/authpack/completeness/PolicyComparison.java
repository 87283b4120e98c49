package dev.authpack.completeness;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;

/**
 * "Which payers would say yes": one case judged against every payer policy that covers its
 * treatment (the version in force on its start date), each with complete or what it lacks.
 * Policies without payer criteria (self-pay) are left out: they say yes to anything.
 */
@JsonPropertyOrder({"asOf", "treatment", "policies"})
public record PolicyComparison(LocalDate asOf, String treatment, List<Verdict> policies) {

    public PolicyComparison {
        policies = List.copyOf(policies);
    }

    /** One policy's answer: {@code unmet} lists the criteria not MET, {@code missing} the required fields absent. */
    @JsonPropertyOrder({"policy", "name", "source", "complete", "missing", "unmet"})
    public record Verdict(CompletenessReport.PolicyRef policy, String name, String source, boolean complete,
                          List<String> missing, List<CriterionResult> unmet) {

        public Verdict {
            missing = List.copyOf(missing);
            unmet = List.copyOf(unmet);
        }
    }
}

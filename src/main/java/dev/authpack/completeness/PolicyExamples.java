package dev.authpack.completeness;

import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.CaseReading;
import dev.authpack.policy.DiagnosisCodes;
import dev.authpack.policy.DrugCatalog;
import dev.authpack.policy.Policy;
import dev.authpack.policy.PolicyExample;
import dev.authpack.policy.PolicyExampleCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the worked examples of a policy file through the evaluator, as of each example's start
 * date, against that very file (not the catalog's version in force). Used while the catalog loads,
 * so a policy whose own examples fail never decides a real case.
 */
@Component
public class PolicyExamples implements PolicyExampleCheck {

    private final CompletenessEvaluator evaluator;

    public PolicyExamples(DrugCatalog drugs, DiagnosisCodes codes) {
        this.evaluator = new CompletenessEvaluator(drugs, codes);
    }

    @Override
    public int check(Policy policy) {
        for (PolicyExample example : policy.examples()) {
            List<String> wrong = verdictErrors(policy, example);
            if (!wrong.isEmpty()) {
                throw new IllegalArgumentException("example '" + example.name() + "' failed: " + String.join("; ", wrong));
            }
        }
        return policy.examples().size();
    }

    /** What the example expected and did not get; empty when it passes. */
    public List<String> verdictErrors(Policy policy, PolicyExample example) {
        CaseData data;
        try {
            data = CaseReading.bind(merge(policy.exampleCase().deepCopy(), example.caseEdits()));
        } catch (IllegalArgumentException e) {
            return List.of("its case does not bind: " + e.getMessage());
        }
        if (data.request().startDate() == null) {
            return List.of("its case needs request.startDate (the date it is judged on)");
        }
        CompletenessReport report = evaluator.evaluate(data, policy, data.request().startDate());
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> e : example.criteria().entrySet()) {
            if (Arrays.stream(CriterionId.values()).noneMatch(id -> id.name().equals(e.getKey()))) {
                wrong.add("unknown criterion " + e.getKey());
                continue;
            }
            CriterionResult got = report.criteria().stream().filter(c -> c.id().name().equals(e.getKey()))
                    .findFirst().orElse(null);
            String status = got == null ? "ABSENT" : got.status().name();
            if (!status.equals(e.getValue())) {
                wrong.add(e.getKey() + " expected " + e.getValue() + ", got " + status
                        + (got == null ? "" : " (" + got.detail() + ")"));
            }
        }
        if (example.complete() != null && example.complete() != report.complete()) {
            wrong.add("complete expected " + example.complete() + ", got " + report.complete()
                    + (report.missing().isEmpty() ? "" : " (missing " + String.join(", ", report.missing()) + ")"));
        }
        return wrong;
    }

    /** Lays {@code edits} over {@code base}: objects merge member by member, anything else replaces, null removes. */
    static JsonNode merge(JsonNode base, JsonNode edits) {
        if (edits == null || edits.isNull() || edits.isMissingNode()) {
            return base;
        }
        if (!(base instanceof ObjectNode target) || !edits.isObject()) {
            return edits;
        }
        for (String name : edits.propertyNames()) {
            JsonNode value = edits.get(name);
            if (value.isNull()) {
                target.remove(name);
            } else if (target.has(name)) {
                target.set(name, merge(target.get(name), value));
            } else {
                target.set(name, value);
            }
        }
        return target;
    }
}

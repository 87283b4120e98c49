package dev.authpack.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A worked case inside a policy file: {@code case} (laid over the file's {@code exampleCase}:
 * objects merge member by member, arrays and values replace) and the verdict the policy must give
 * it. {@code criteria} maps criterion ids to MET, NOT_MET, MISSING or ABSENT (left out of the
 * report); {@code complete} is optional. Examples run at start-up and in the build.
 */
public record PolicyExample(String name, @JsonProperty("case") JsonNode caseEdits, Map<String, String> criteria, Boolean complete) {

    public PolicyExample {
        name = Checks.text(name, "examples.name");
        if (criteria == null || criteria.isEmpty()) {
            throw new IllegalArgumentException("example '" + name + "' needs expected criteria");
        }
        for (Map.Entry<String, String> e : criteria.entrySet()) {
            if (e.getValue() == null || !e.getValue().matches("MET|NOT_MET|MISSING|ABSENT")) {
                throw new IllegalArgumentException("example '" + name + "': " + e.getKey()
                        + " must be MET, NOT_MET, MISSING or ABSENT, not " + e.getValue());
            }
        }
        criteria = Map.copyOf(criteria);
    }
}

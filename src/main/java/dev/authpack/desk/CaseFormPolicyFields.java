package dev.authpack.desk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which optional case members each policy reads (by policy id: member path → help sentence worded
 * from the policy's rule). The form shows such a member only when the chosen policy reads it or it
 * already holds a value, with the chosen policy's help beside it; the page script switches both
 * when another policy is chosen.
 */
final class CaseFormPolicyFields {

    private final Map<String, Map<String, String>> byPolicy;

    /** {@code byPolicy} in the order the page lists the policies' help (Map.copyOf would shuffle it at every start). */
    CaseFormPolicyFields(Map<String, Map<String, String>> byPolicy) {
        this.byPolicy = Collections.unmodifiableMap(new LinkedHashMap<>(byPolicy));
    }

    /** True when the chosen policy reads the member, or the form already has a value under it. */
    public boolean shown(CaseForm form, String path) {
        if (byPolicy.getOrDefault(form.value("policyId"), Map.of()).containsKey(path)) {
            return true;
        }
        return form.values().entrySet().stream()
                .anyMatch(e -> (e.getKey().equals(path) || e.getKey().startsWith(path + ".")) && !e.getValue().isBlank());
    }

    /** The help sentence of every policy that reads the member, by policy id. */
    public Map<String, String> help(String path) {
        Map<String, String> out = new LinkedHashMap<>();
        byPolicy.forEach((id, needs) -> {
            if (needs.containsKey(path)) {
                out.put(id, needs.get(path));
            }
        });
        return out;
    }
}

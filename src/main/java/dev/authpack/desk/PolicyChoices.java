package dev.authpack.desk;

import dev.authpack.policy.Policy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The payer-policy choice grouped by payer, as the form's {@code <optgroup>}s. A policy file names
 * its payer first ("Cigna — Spravato (esketamine), commercial"); a name without " — " is a policy
 * of no one payer (the common criteria, self-pay) and goes to the last group, whose payer is "".
 */
final class PolicyChoices {

    private static final String SEPARATOR = " — ";

    /**
     * A policy as offered: {@code onlyTreatment} is the one treatment it covers, or null when it covers more or
     * none; the page fills an empty treatment with it when the policy is chosen, since any other fails the case.
     */
    public record Choice(String id, String label, String onlyTreatment) {
    }

    private PolicyChoices() {
    }

    static Map<String, List<Choice>> byPayer(List<Policy> policies) {
        Map<String, List<Choice>> named = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<Choice> general = new ArrayList<>();
        policies.stream().sorted(Comparator.comparing(Policy::name)).forEach(p -> {
            int at = p.name().indexOf(SEPARATOR);
            String only = p.treatments().size() == 1 ? p.treatments().iterator().next().name() : null;
            if (at > 0) {
                named.computeIfAbsent(p.name().substring(0, at), k -> new ArrayList<>())
                        .add(new Choice(p.id(), p.name().substring(at + SEPARATOR.length()), only));
            } else {
                general.add(new Choice(p.id(), p.name(), only));
            }
        });
        Map<String, List<Choice>> out = new LinkedHashMap<>(named);
        if (!general.isEmpty()) {
            out.put("", general);
        }
        return out;
    }
}

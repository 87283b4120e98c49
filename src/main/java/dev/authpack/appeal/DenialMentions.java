package dev.authpack.appeal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which criteria a payer's denial wording speaks about, so the letter answers those first. Rules as
 * data: per criterion id, word stems a reviewer uses for it (matched at the start of a word,
 * case-insensitively). A criterion without an entry (added by a later policy) is matched by the
 * longer words of its label.
 */
final class DenialMentions {

    private static final Map<String, List<String>> STEMS = Map.ofEntries(
            Map.entry("TREATMENT", List.of("not covered", "covered treatment", "experimental", "investigational",
                    "benefit")),
            Map.entry("AGE", List.of("age\\b", "years old")),
            Map.entry("DIAGNOSIS", List.of("diagnos", "icd")),
            Map.entry("SEVERITY", List.of("severity", "phq", "madrs", "ham-?d", "qids", "bdi", "score", "rating scale")),
            Map.entry("FAILED_TRIALS", List.of("trial", "antidepressant", "medication", "failed", "failure")),
            Map.entry("AUGMENTATION", List.of("augment", "adjunct")),
            Map.entry("PSYCHOTHERAPY", List.of("psychotherap", "cbt", "counsel")),
            Map.entry("CONTRAINDICATIONS", List.of("contraindicat", "blood pressure", "hypertens", "psychos",
                    "psychotic", "substance", "pregnan", "aneurysm")),
            Map.entry("PRESCRIBER", List.of("prescriber", "psychiatrist", "specialist", "specialty")),
            Map.entry("REMS", List.of("rems\\b", "certified")),
            Map.entry("PDMP", List.of("pdmp", "monitoring program", "prescription monitoring")),
            Map.entry("REAUTH_RESPONSE", List.of("response", "improve", "reauthori")));

    private DenialMentions() {
    }

    /** True when the denial wording names this criterion. */
    static boolean names(String reason, String criterionId, String label) {
        if (reason == null || reason.isBlank()) {
            return false;
        }
        String text = reason.toLowerCase(Locale.ROOT);
        return stems(criterionId, label).stream()
                .anyMatch(stem -> Pattern.compile("\\b" + stem).matcher(text).find());
    }

    static List<String> stems(String criterionId, String label) {
        List<String> known = STEMS.get(criterionId);
        if (known != null) {
            return known;
        }
        return Arrays.stream(label.toLowerCase(Locale.ROOT).split("[^a-z]+"))
                .filter(w -> w.length() >= 5).map(Pattern::quote).toList();
    }
}

package dev.authpack.completeness;

import static dev.authpack.completeness.CriterionId.SEVERITY;

import dev.authpack.casefile.Assessment;
import dev.authpack.casefile.CaseData;
import dev.authpack.policy.SeverityRule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** SEVERITY: a recent score at or above its instrument's threshold. */
final class SeverityCheck {

    private static final String FIELD = "assessments";

    private SeverityCheck() {
    }

    static CriterionResult check(CaseData data, SeverityRule rule, LocalDate asOf) {
        if (data.assessments().isEmpty()) {
            return CriterionResult.missing(SEVERITY, "no severity score recorded", FIELD);
        }
        List<String> evidence = new ArrayList<>();
        Assessment best = null;
        for (Assessment a : data.assessments()) {
            String problem = problem(a, rule, asOf);
            evidence.add(line(a) + (problem == null ? "" : ": " + problem));
            if (problem == null && (best == null || !a.date().isBefore(best.date()))) {
                best = a;
            }
        }
        if (best != null) {
            return CriterionResult.met(SEVERITY, line(best) + " (threshold "
                    + rule.thresholds().get(best.instrument()) + ")", FIELD).withEvidence(evidence);
        }
        String thresholds = rule.thresholds().entrySet().stream()
                .map(e -> Wording.instrument(e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "));
        return CriterionResult.notMet(SEVERITY, "no score within " + rule.severityWindowDays()
                + " days before " + asOf + " reaches its threshold (" + thresholds + ")", FIELD).withEvidence(evidence);
    }

    private static String line(Assessment a) {
        String instrument = a.instrument() == null ? "unknown scale" : Wording.instrument(a.instrument());
        return instrument + " " + (a.score() == null ? "(no score)" : a.score()) + " on "
                + (a.date() == null ? "(no date)" : a.date());
    }

    /** Why a score does not count, or null when it does. */
    private static String problem(Assessment a, SeverityRule rule, LocalDate asOf) {
        if (a.instrument() == null || a.score() == null || a.date() == null) {
            return "incomplete";
        }
        Integer threshold = rule.thresholds().get(a.instrument());
        if (threshold == null) {
            return "scale not accepted by this policy";
        }
        if (!Wording.within(a.date(), asOf, rule.severityWindowDays())) {
            return Wording.distance(a.date(), asOf) + ", outside the " + rule.severityWindowDays() + "-day window";
        }
        if (a.score() < threshold) {
            return "below the threshold of " + threshold;
        }
        return null;
    }
}

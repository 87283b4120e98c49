package dev.authpack.completeness;

import static dev.authpack.completeness.CriterionId.SEVERITY;

import dev.authpack.casefile.Assessment;
import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.Instrument;
import dev.authpack.policy.Comparison;
import dev.authpack.policy.SeverityRule;
import dev.authpack.policy.Window;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SEVERITY: a score dated inside the policy's window (N days, the current episode, or any date up
 * to the start date) that passes its instrument's threshold — at least or above it — or, for
 * scales the policy names without a cut-off, any score.
 */
final class SeverityCheck {

    private static final String FIELD = "assessments";

    private SeverityCheck() {
    }

    static CriterionResult check(CaseData data, SeverityRule rule, LocalDate asOf) {
        if (data.assessments().isEmpty()) {
            return CriterionResult.missing(SEVERITY, "no severity score recorded", FIELD);
        }
        LocalDate episodeStart = data.diagnosis().episodeStart();
        List<String> evidence = new ArrayList<>();
        Assessment best = null;
        for (Assessment a : data.assessments()) {
            String problem = problem(a, rule, asOf, episodeStart);
            evidence.add(line(a) + (problem == null ? "" : ": " + problem));
            if (problem == null && (best == null || !a.date().isBefore(best.date()))) {
                best = a;
            }
        }
        if (best != null) {
            return CriterionResult.met(SEVERITY, passed(best, rule), FIELD).withEvidence(evidence);
        }
        return CriterionResult.notMet(SEVERITY, "no score " + window(rule, asOf, episodeStart) + " "
                + required(rule), FIELD).withEvidence(evidence);
    }

    private static String passed(Assessment a, SeverityRule rule) {
        Integer threshold = rule.thresholds().get(a.instrument());
        if (threshold == null) {
            return line(a) + " (any score on this scale counts: the policy sets no cut-off)";
        }
        if (rule.thresholdComparison() == Comparison.GREATER_THAN) {
            return line(a) + ": " + a.score() + " is above " + threshold;
        }
        return line(a) + " (threshold " + threshold + ")";
    }

    private static String window(SeverityRule rule, LocalDate asOf, LocalDate episodeStart) {
        if (rule.severityWindow() == Window.CURRENT_EPISODE) {
            return "in the current episode" + (episodeStart == null ? "" : " (" + episodeStart + " to " + asOf + ")");
        }
        if (rule.severityWindow() == Window.ANY_DATE) {
            return "on or before " + asOf;
        }
        return "within " + rule.severityWindowDays() + " days before " + asOf;
    }

    private static String required(SeverityRule rule) {
        List<String> parts = new ArrayList<>();
        if (!rule.thresholds().isEmpty()) {
            String thresholds = rule.thresholds().entrySet().stream()
                    .map(e -> Wording.instrument(e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "));
            parts.add(rule.thresholdComparison() == Comparison.GREATER_THAN
                    ? "is above its threshold (" + thresholds + ")" : "reaches its threshold (" + thresholds + ")");
        }
        if (!rule.anyScoreOf().isEmpty()) {
            parts.add("is on " + rule.anyScoreOf().stream().map(Wording::instrument).collect(Collectors.joining(", "))
                    + " (any score)");
        }
        return String.join(" or ", parts);
    }

    private static String line(Assessment a) {
        String instrument = a.instrument() == null ? "unknown scale" : Wording.instrument(a.instrument());
        return instrument + " " + (a.score() == null ? "(no score)" : a.score()) + " on "
                + (a.date() == null ? "(no date)" : a.date());
    }

    /** Why a score does not count, or null when it does. */
    private static String problem(Assessment a, SeverityRule rule, LocalDate asOf, LocalDate episodeStart) {
        if (a.instrument() == null || a.score() == null || a.date() == null) {
            return "incomplete";
        }
        if (!rule.counts(a.instrument())) {
            return "scale not accepted by this policy";
        }
        String outside = outside(a.date(), rule, asOf, episodeStart);
        if (outside != null) {
            return outside;
        }
        return belowThreshold(a.instrument(), a.score(), rule);
    }

    private static String outside(LocalDate date, SeverityRule rule, LocalDate asOf, LocalDate episodeStart) {
        if (rule.severityWindow() == null) {
            return Wording.within(date, asOf, rule.severityWindowDays()) ? null
                    : Wording.distance(date, asOf) + ", outside the " + rule.severityWindowDays() + "-day window";
        }
        if (date.isAfter(asOf)) {
            return Wording.distance(date, asOf) + ", after the start date";
        }
        if (rule.severityWindow() == Window.CURRENT_EPISODE) {
            if (episodeStart == null) {
                return "no episode start date (diagnosis.episodeStart) to place it in the current episode";
            }
            if (date.isBefore(episodeStart)) {
                return "before the current episode began on " + episodeStart;
            }
        }
        return null;
    }

    private static String belowThreshold(Instrument instrument, int score, SeverityRule rule) {
        Integer threshold = rule.thresholds().get(instrument);
        if (threshold == null || rule.thresholdComparison().passes(score, threshold)) {
            return null;
        }
        if (rule.thresholdComparison() == Comparison.GREATER_THAN) {
            return Wording.instrument(instrument) + " " + score + " is not above " + threshold;
        }
        return "below the threshold of " + threshold;
    }
}

package dev.authpack.policy;

import java.math.BigDecimal;

/**
 * FAILED_TRIALS, and how any medication trial qualifies as a failed one (augmentation trials use
 * the same rules with their own minimum duration). {@code lookbackYears} and {@code minAdherencePct}
 * are optional: absent means not checked.
 */
public record TrialRule(Integer minFailedTrials, Integer minDistinctClasses, Integer minWeeksPerTrial,
                        Boolean requireCurrentEpisode, BigDecimal failureMaxImprovementPct, Integer lookbackYears,
                        BigDecimal minAdherencePct) {

    public TrialRule {
        Checks.range(minFailedTrials, "minFailedTrials", 1, 20);
        Checks.range(minDistinctClasses, "minDistinctClasses", 0, 20);
        Checks.range(minWeeksPerTrial, "minWeeksPerTrial", 0, 104);
        Checks.flag(requireCurrentEpisode, "requireCurrentEpisode");
        Checks.pct(failureMaxImprovementPct, "failureMaxImprovementPct", -100);
        Checks.optionalRange(lookbackYears, "lookbackYears", 1, 100);
        Checks.optionalPct(minAdherencePct, "minAdherencePct", 0);
        if (minDistinctClasses > minFailedTrials) {
            throw new IllegalArgumentException("minDistinctClasses " + minDistinctClasses
                    + " cannot exceed minFailedTrials " + minFailedTrials);
        }
    }
}

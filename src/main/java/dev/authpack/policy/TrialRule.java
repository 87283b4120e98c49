package dev.authpack.policy;

import dev.authpack.casefile.DrugClass;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * FAILED_TRIALS, and how any medication trial qualifies as a failed one (augmentation trials use
 * the same rules unless the augmentation section says otherwise). {@code lookbackYears} and
 * {@code minAdherencePct} are optional: absent means not checked. The keys after
 * {@code minAdherencePct} came with the published policies: {@code durationComparison}
 * (GREATER_THAN for "more than N weeks"), {@code intoleranceCounts} (default true),
 * {@code anyInadequateResponse} (instead of {@code failureMaxImprovementPct}, for policies that give
 * no number) and {@code onlyClasses} (a trial of another class does not qualify at all).
 */
public record TrialRule(Integer minFailedTrials, Integer minDistinctClasses, Integer minWeeksPerTrial,
                        Boolean requireCurrentEpisode, BigDecimal failureMaxImprovementPct, Integer lookbackYears,
                        BigDecimal minAdherencePct, Comparison durationComparison, Boolean intoleranceCounts,
                        Boolean anyInadequateResponse, Set<DrugClass> onlyClasses) {

    public TrialRule {
        Checks.range(minFailedTrials, "minFailedTrials", 1, 20);
        Checks.range(minDistinctClasses, "minDistinctClasses", 0, 20);
        Checks.range(minWeeksPerTrial, "minWeeksPerTrial", 0, 104);
        Checks.flag(requireCurrentEpisode, "requireCurrentEpisode");
        anyInadequateResponse = Boolean.TRUE.equals(anyInadequateResponse);
        if (anyInadequateResponse && failureMaxImprovementPct != null) {
            throw new IllegalArgumentException("give failureMaxImprovementPct or anyInadequateResponse: true, not both");
        }
        if (!anyInadequateResponse) {
            Checks.pct(failureMaxImprovementPct, "failureMaxImprovementPct", -100);
        }
        Checks.optionalRange(lookbackYears, "lookbackYears", 1, 100);
        Checks.optionalPct(minAdherencePct, "minAdherencePct", 0);
        if (minDistinctClasses > minFailedTrials) {
            throw new IllegalArgumentException("minDistinctClasses " + minDistinctClasses
                    + " cannot exceed minFailedTrials " + minFailedTrials);
        }
        durationComparison = durationComparison == null ? Comparison.AT_LEAST : durationComparison;
        intoleranceCounts = intoleranceCounts == null || intoleranceCounts;
        onlyClasses = onlyClasses == null ? null
                : Collections.unmodifiableSet(EnumSet.copyOf(Checks.notEmpty(onlyClasses, "onlyClasses")));
    }

    /** The rule as the four original policies write it. */
    public TrialRule(Integer minFailedTrials, Integer minDistinctClasses, Integer minWeeksPerTrial,
                     Boolean requireCurrentEpisode, BigDecimal failureMaxImprovementPct, Integer lookbackYears,
                     BigDecimal minAdherencePct) {
        this(minFailedTrials, minDistinctClasses, minWeeksPerTrial, requireCurrentEpisode, failureMaxImprovementPct,
                lookbackYears, minAdherencePct, null, null, null, null);
    }

    /** How a monotherapy trial qualifies under this rule. */
    public TrialStandard standard() {
        return new TrialStandard(minWeeksPerTrial, durationComparison, requireCurrentEpisode, lookbackYears,
                minAdherencePct, failureMaxImprovementPct, intoleranceCounts, onlyClasses);
    }
}

package dev.authpack.policy;

import dev.authpack.casefile.DrugClass;
import java.math.BigDecimal;
import java.util.Set;

/**
 * What makes one medication trial a failed trial: its length ({@code minWeeks}, compared AT_LEAST
 * or GREATER_THAN, in 7-day weeks), the current-episode and lookback rules, adherence, the failure
 * rule ({@code failureMaxImprovementPct}, or null: any inadequate or partial response fails),
 * whether stopping for intolerance counts, and which classes may qualify ({@code onlyClasses};
 * null: any class, an unknown class counting as a trial without a class).
 */
public record TrialStandard(int minWeeks, Comparison durationComparison, boolean requireCurrentEpisode,
                            Integer lookbackYears, BigDecimal minAdherencePct, BigDecimal failureMaxImprovementPct,
                            boolean intoleranceCounts, Set<DrugClass> onlyClasses) {

    /** The least number of days a trial must last: 7N, or 7N + 1 for "more than N weeks". */
    public long minDays() {
        return durationComparison.least(7L * minWeeks);
    }
}

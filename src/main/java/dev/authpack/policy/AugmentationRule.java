package dev.authpack.policy;

import dev.authpack.casefile.DrugClass;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * AUGMENTATION: enough qualifying augmentation trials (each judged by the policy's trial rules,
 * with {@code minAugmentationWeeks} as the minimum duration) or, when
 * {@code augmentationOrPsychotherapy} is true, a psychotherapy course instead.
 *
 * <p>{@code augmentationClasses}: only trials of these classes qualify (absent: any class). The other
 * optional keys override the failedTrials rules for augmentation trials only: {@code augmentationDurationComparison},
 * {@code augmentationCurrentEpisode}, {@code augmentationLookbackYears},
 * {@code augmentationIntoleranceCounts}. For the psychotherapy alternative:
 * {@code psychotherapyModalities} (case-insensitive; absent: any), {@code psychotherapyCurrentEpisode}
 * (ended — or, still running, started — on or after the episode start), and
 * {@code minPsychotherapySessions} 0 meaning any number of sessions.
 */
public record AugmentationRule(Integer minAugmentationTrials, Integer minAugmentationWeeks,
                               Boolean augmentationOrPsychotherapy, Integer minPsychotherapySessions,
                               Set<DrugClass> augmentationClasses, Comparison augmentationDurationComparison,
                               Boolean augmentationCurrentEpisode, Integer augmentationLookbackYears,
                               Boolean augmentationIntoleranceCounts, List<String> psychotherapyModalities,
                               Boolean psychotherapyCurrentEpisode) {

    public AugmentationRule {
        Checks.range(minAugmentationTrials, "minAugmentationTrials", 1, 20);
        Checks.range(minAugmentationWeeks, "minAugmentationWeeks", 0, 104);
        Checks.flag(augmentationOrPsychotherapy, "augmentationOrPsychotherapy");
        if (augmentationOrPsychotherapy) {
            Checks.range(minPsychotherapySessions, "minPsychotherapySessions", 0, 500);
        } else if (minPsychotherapySessions != null || psychotherapyModalities != null
                || psychotherapyCurrentEpisode != null) {
            throw new IllegalArgumentException(
                    "minPsychotherapySessions only applies when augmentationOrPsychotherapy is true");
        }
        augmentationClasses = augmentationClasses == null ? null
                : Collections.unmodifiableSet(EnumSet.copyOf(Checks.notEmpty(augmentationClasses, "augmentationClasses")));
        Checks.optionalRange(augmentationLookbackYears, "augmentationLookbackYears", 1, 100);
        psychotherapyModalities = psychotherapyModalities == null ? null
                : Checks.notEmpty(psychotherapyModalities, "psychotherapyModalities").stream()
                        .map(m -> Checks.text(m, "psychotherapyModalities").toUpperCase(Locale.ROOT)).toList();
        psychotherapyCurrentEpisode = Boolean.TRUE.equals(psychotherapyCurrentEpisode);
    }

    /** The rule as the four original policies write it. */
    public AugmentationRule(Integer minAugmentationTrials, Integer minAugmentationWeeks,
                            Boolean augmentationOrPsychotherapy, Integer minPsychotherapySessions) {
        this(minAugmentationTrials, minAugmentationWeeks, augmentationOrPsychotherapy, minPsychotherapySessions,
                null, null, null, null, null, null, null);
    }

    /** How an augmentation trial qualifies: the failedTrials rules with this section's overrides. */
    public TrialStandard standard(TrialRule trials) {
        TrialStandard base = trials.standard();
        return new TrialStandard(minAugmentationWeeks,
                augmentationDurationComparison != null ? augmentationDurationComparison : base.durationComparison(),
                augmentationCurrentEpisode != null ? augmentationCurrentEpisode : base.requireCurrentEpisode(),
                augmentationLookbackYears != null ? augmentationLookbackYears : base.lookbackYears(),
                base.minAdherencePct(), base.failureMaxImprovementPct(),
                augmentationIntoleranceCounts != null ? augmentationIntoleranceCounts : base.intoleranceCounts(),
                augmentationClasses);
    }
}

package dev.authpack.policy;

/**
 * AUGMENTATION: enough qualifying augmentation trials (each judged by the policy's trial rules,
 * with {@code minAugmentationWeeks} as the minimum duration) or, when
 * {@code augmentationOrPsychotherapy} is true, a psychotherapy course instead.
 */
public record AugmentationRule(Integer minAugmentationTrials, Integer minAugmentationWeeks,
                               Boolean augmentationOrPsychotherapy, Integer minPsychotherapySessions) {

    public AugmentationRule {
        Checks.range(minAugmentationTrials, "minAugmentationTrials", 1, 20);
        Checks.range(minAugmentationWeeks, "minAugmentationWeeks", 0, 104);
        Checks.flag(augmentationOrPsychotherapy, "augmentationOrPsychotherapy");
        if (augmentationOrPsychotherapy) {
            Checks.range(minPsychotherapySessions, "minPsychotherapySessions", 1, 500);
        } else if (minPsychotherapySessions != null) {
            throw new IllegalArgumentException(
                    "minPsychotherapySessions only applies when augmentationOrPsychotherapy is true");
        }
    }
}

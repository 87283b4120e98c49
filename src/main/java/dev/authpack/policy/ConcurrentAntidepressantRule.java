package dev.authpack.policy;

/**
 * CONCURRENT_ANTIDEPRESSANT: an oral antidepressant is given alongside. Optional:
 * {@code minStableDays} (started at least this many days before the start date) and
 * {@code notATrialDrug} (it must not be the drug of any medication trial in the case).
 */
public record ConcurrentAntidepressantRule(Integer minStableDays, Boolean notATrialDrug) {

    public ConcurrentAntidepressantRule {
        Checks.optionalRange(minStableDays, "minStableDays", 1, 3650);
        notATrialDrug = Boolean.TRUE.equals(notATrialDrug);
    }
}

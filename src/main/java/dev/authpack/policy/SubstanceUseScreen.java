package dev.authpack.policy;

/**
 * How CONTRAINDICATIONS treats substance use: ACTIVE_EXCLUDED (as the original policies),
 * TREATED_ALLOWED (active use passes when it is being treated), REMISSION_WITH_ABSTINENCE (active
 * fails; in remission passes only with {@code abstinenceDays} of abstinence before the start date)
 * or NOT_CHECKED.
 */
public enum SubstanceUseScreen {
    ACTIVE_EXCLUDED, TREATED_ALLOWED, REMISSION_WITH_ABSTINENCE, NOT_CHECKED
}

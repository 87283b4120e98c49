package dev.authpack.policy;

/**
 * Which criteria a policy applies, each with its parameters: a criterion applies when its section
 * is present ({@code treatment} and {@code rems} are simple switches). A policy with no sections
 * (self-pay) has no payer criteria at all.
 */
public record PolicyCriteria(Boolean treatment, AgeRule age, DiagnosisRule diagnosis, SeverityRule severity,
                             TrialRule failedTrials, AugmentationRule augmentation, PsychotherapyRule psychotherapy,
                             ContraindicationRule contraindications, PrescriberRule prescriber, Boolean rems,
                             PdmpRule pdmp, ReauthRule reauthResponse) {

    public static final PolicyCriteria NONE =
            new PolicyCriteria(false, null, null, null, null, null, null, null, null, false, null, null);

    public PolicyCriteria {
        treatment = Boolean.TRUE.equals(treatment);
        rems = Boolean.TRUE.equals(rems);
        if (augmentation != null && failedTrials == null) {
            throw new IllegalArgumentException(
                    "augmentation needs a failedTrials section: augmentation trials qualify by its rules");
        }
    }

    /** True when the policy sets no payer criterion (only the missing-field check decides). */
    public boolean none() {
        return !treatment && !rems && age == null && diagnosis == null && severity == null && failedTrials == null
                && augmentation == null && psychotherapy == null && contraindications == null && prescriber == null
                && pdmp == null && reauthResponse == null;
    }
}

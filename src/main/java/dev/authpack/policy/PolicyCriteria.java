package dev.authpack.policy;

import dev.authpack.content.KeyedValueException;

/**
 * Which criteria a policy applies, each with its parameters: a criterion applies when its section
 * is present ({@code treatment}, {@code rems} and {@code remsPatientEnrolment} are simple switches).
 * A policy with no sections (self-pay) has no payer criteria at all.
 */
public record PolicyCriteria(Boolean treatment, AgeRule age, DiagnosisRule diagnosis, SeverityRule severity,
                             TrialRule failedTrials, AugmentationRule augmentation, PsychotherapyRule psychotherapy,
                             ConcurrentAntidepressantRule concurrentAntidepressant, PriorEsketamineRule priorEsketamine,
                             ContraindicationRule contraindications, PrescriberRule prescriber, Boolean rems,
                             Boolean remsPatientEnrolment, PdmpRule pdmp, ReauthRule reauthResponse) {

    public static final PolicyCriteria NONE = new PolicyCriteria(false, null, null, null, null, null, null, null, null,
            null, null, false, false, null, null);

    public PolicyCriteria {
        treatment = Boolean.TRUE.equals(treatment);
        rems = Boolean.TRUE.equals(rems);
        remsPatientEnrolment = Boolean.TRUE.equals(remsPatientEnrolment);
        if (remsPatientEnrolment && !rems) {
            throw new IllegalArgumentException("remsPatientEnrolment needs rems: true (it extends the REMS criterion)");
        }
    }

    /**
     * Sections that belong together are checked once the indication's sections are merged in; the
     * merged criteria no longer know which file section each came from, so the caller says where
     * this augmentation section is written ({@code augmentationKey}) for the message's key and line.
     */
    void checkConsistent(String augmentationKey) {
        if (augmentation != null && failedTrials == null) {
            throw new KeyedValueException(augmentationKey,
                    "augmentation needs a failedTrials section: augmentation trials qualify by its rules");
        }
    }

    /** True when the policy sets no payer criterion (only the missing-field check decides). */
    public boolean none() {
        return !treatment && !rems && age == null && diagnosis == null && severity == null && failedTrials == null
                && augmentation == null && psychotherapy == null && concurrentAntidepressant == null
                && priorEsketamine == null && contraindications == null && prescriber == null && pdmp == null
                && reauthResponse == null;
    }

    /**
     * These criteria with an indication's sections laid over them: a section the indication gives
     * replaces this one; {@code dropTreatmentResistance} first removes the criteria that prove
     * treatment resistance (severity, failed trials, augmentation, psychotherapy, prior esketamine).
     */
    PolicyCriteria overlay(PolicyCriteria over, boolean dropTreatmentResistance) {
        PolicyCriteria base = dropTreatmentResistance ? withoutTreatmentResistance() : this;
        if (over == null) {
            return base;
        }
        return new PolicyCriteria(base.treatment || over.treatment, pick(over.age, base.age),
                pick(over.diagnosis, base.diagnosis), pick(over.severity, base.severity),
                pick(over.failedTrials, base.failedTrials), pick(over.augmentation, base.augmentation),
                pick(over.psychotherapy, base.psychotherapy),
                pick(over.concurrentAntidepressant, base.concurrentAntidepressant),
                pick(over.priorEsketamine, base.priorEsketamine), pick(over.contraindications, base.contraindications),
                pick(over.prescriber, base.prescriber), base.rems || over.rems,
                base.remsPatientEnrolment || over.remsPatientEnrolment, pick(over.pdmp, base.pdmp),
                pick(over.reauthResponse, base.reauthResponse));
    }

    private PolicyCriteria withoutTreatmentResistance() {
        return new PolicyCriteria(treatment, age, diagnosis, null, null, null, null, concurrentAntidepressant, null,
                contraindications, prescriber, rems, remsPatientEnrolment, pdmp, reauthResponse);
    }

    private static <T> T pick(T over, T base) {
        return over != null ? over : base;
    }
}

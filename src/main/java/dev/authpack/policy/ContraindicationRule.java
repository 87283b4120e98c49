package dev.authpack.policy;

import dev.authpack.casefile.ConcurrentTherapy;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * CONTRAINDICATIONS. The vascular contraindication is always checked. By default (the original
 * policies) blood pressure is measured within {@code bpWindowDays} before the start date and
 * strictly below both limits (the label's "consider delaying above 140/90"), and psychosis, active
 * substance use and pregnancy exclude. Each of those is a choice: {@code bloodPressure},
 * {@code psychosis}, {@code substanceUse} (with {@code abstinenceDays}), {@code pregnancy}; and
 * {@code hypersensitivity} (CHECKED: known ketamine/esketamine hypersensitivity excludes) and
 * {@code excludedConcurrentTherapies} add the label's and payers' other exclusions.
 */
public record ContraindicationRule(Integer bpSystolicLimit, Integer bpDiastolicLimit, Integer bpWindowDays,
                                   Screen bloodPressure, PsychosisScreen psychosis, SubstanceUseScreen substanceUse,
                                   Integer abstinenceDays, Screen pregnancy, Screen hypersensitivity,
                                   Set<ConcurrentTherapy> excludedConcurrentTherapies) {

    public ContraindicationRule {
        bloodPressure = bloodPressure == null ? Screen.CHECKED : bloodPressure;
        if (bloodPressure == Screen.CHECKED) {
            Checks.range(bpSystolicLimit, "bpSystolicLimit", 50, 300);
            Checks.range(bpDiastolicLimit, "bpDiastolicLimit", 30, 200);
            Checks.range(bpWindowDays, "bpWindowDays", 0, 3650);
        } else if (bpSystolicLimit != null || bpDiastolicLimit != null || bpWindowDays != null) {
            throw new IllegalArgumentException("blood pressure limits only apply when bloodPressure is CHECKED");
        }
        psychosis = psychosis == null ? PsychosisScreen.EXCLUDED : psychosis;
        substanceUse = substanceUse == null ? SubstanceUseScreen.ACTIVE_EXCLUDED : substanceUse;
        if (substanceUse == SubstanceUseScreen.REMISSION_WITH_ABSTINENCE) {
            Checks.range(abstinenceDays, "abstinenceDays", 0, 3650);
        } else if (abstinenceDays != null) {
            throw new IllegalArgumentException("abstinenceDays only applies when substanceUse is REMISSION_WITH_ABSTINENCE");
        }
        pregnancy = pregnancy == null ? Screen.CHECKED : pregnancy;
        hypersensitivity = hypersensitivity == null ? Screen.NOT_CHECKED : hypersensitivity;
        excludedConcurrentTherapies = excludedConcurrentTherapies == null || excludedConcurrentTherapies.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(excludedConcurrentTherapies));
    }

    /** The rule as the four original policies write it. */
    public ContraindicationRule(Integer bpSystolicLimit, Integer bpDiastolicLimit, Integer bpWindowDays) {
        this(bpSystolicLimit, bpDiastolicLimit, bpWindowDays, null, null, null, null, null, null, null);
    }

    /** True when every choice is the original policies' (the MET detail keeps their wording). */
    public boolean original() {
        return bloodPressure == Screen.CHECKED && psychosis == PsychosisScreen.EXCLUDED
                && substanceUse == SubstanceUseScreen.ACTIVE_EXCLUDED && pregnancy == Screen.CHECKED
                && hypersensitivity == Screen.NOT_CHECKED && excludedConcurrentTherapies.isEmpty();
    }
}

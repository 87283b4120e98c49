package dev.authpack.casefile;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One documented antidepressant or augmentation trial. {@code role} absent means MONOTHERAPY;
 * {@code drugClass} absent means the drug catalog's class; {@code endDate} absent means still running.
 */
public record MedicationTrial(String drug, DrugClass drugClass, TrialRole role, BigDecimal dailyDoseMg,
                              LocalDate startDate, LocalDate endDate, TrialOutcome outcome,
                              BigDecimal improvementPct, BigDecimal adherencePct) {

    public TrialRole effectiveRole() {
        return role == null ? TrialRole.MONOTHERAPY : role;
    }
}

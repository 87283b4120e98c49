package dev.authpack.casefile;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One documented antidepressant or augmentation trial. {@code role} absent means MONOTHERAPY;
 * {@code drugClass} absent means the drug catalog's class; {@code endDate} absent means still running.
 */
@EndNotBeforeStart
public record MedicationTrial(@NotNull @Size(max = 200) String drug, DrugClass drugClass, TrialRole role,
                              @PositiveOrZero @DecimalMax("100000") BigDecimal dailyDoseMg,
                              @PastOrPresent LocalDate startDate, @PastOrPresent LocalDate endDate,
                              TrialOutcome outcome,
                              @DecimalMin("-100") @DecimalMax("100") BigDecimal improvementPct,
                              @DecimalMin("0") @DecimalMax("100") BigDecimal adherencePct) implements Dated {

    public TrialRole effectiveRole() {
        return role == null ? TrialRole.MONOTHERAPY : role;
    }
}

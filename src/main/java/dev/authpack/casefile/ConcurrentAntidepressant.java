package dev.authpack.casefile;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The oral antidepressant taken alongside esketamine; {@code drug} is its core member. */
public record ConcurrentAntidepressant(@NotNull @Size(max = 200) String drug, DrugClass drugClass,
                                       @PositiveOrZero @DecimalMax("100000") BigDecimal dailyDoseMg,
                                       @PastOrPresent LocalDate startDate) {
}

package dev.authpack.casefile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

@EndNotBeforeStart
public record Psychotherapy(@NotNull @Size(max = 200) String modality, @PastOrPresent LocalDate startDate,
                            @PastOrPresent LocalDate endDate, @Min(0) @Max(500) Integer sessions)
        implements Dated {
}

package dev.authpack.casefile;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;

/** One severity score; instrument, score and date are its core members (required in every element). */
@ScoreInRange
public record Assessment(@NotNull Instrument instrument, @NotNull Integer score,
                         @NotNull @PastOrPresent LocalDate date) {
}

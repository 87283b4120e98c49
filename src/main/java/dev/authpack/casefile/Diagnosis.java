package dev.authpack.casefile;

import dev.authpack.core.Icd10Code;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;

public record Diagnosis(Icd10Code icd10, @PastOrPresent LocalDate episodeStart) {

    static final Diagnosis EMPTY = new Diagnosis(null, null);
}

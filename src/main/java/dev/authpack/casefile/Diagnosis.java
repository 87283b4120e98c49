package dev.authpack.casefile;

import dev.authpack.core.Icd10Code;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;

/** {@code structuredInterview}: the diagnosis was established by a structured clinical interview (v1.1). */
public record Diagnosis(Icd10Code icd10, @PastOrPresent LocalDate episodeStart, Boolean structuredInterview) {

    static final Diagnosis EMPTY = new Diagnosis(null, null, null);

    /** A diagnosis as written before contract v1.1. */
    public Diagnosis(Icd10Code icd10, LocalDate episodeStart) {
        this(icd10, episodeStart, null);
    }
}

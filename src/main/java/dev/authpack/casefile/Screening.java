package dev.authpack.casefile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;

/** Contraindication screening and attestations, with the PDMP (prescription-monitoring) check date. */
public record Screening(@Min(0) @Max(400) Integer systolic, @Min(0) @Max(400) Integer diastolic,
                        @PastOrPresent LocalDate measuredOn, SubstanceUse substanceUse,
                        Boolean psychoticFeatures, Boolean vascularContraindication, Boolean pregnant,
                        @PastOrPresent LocalDate pdmpCheckedOn) {
}

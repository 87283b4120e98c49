package dev.authpack.casefile;

import java.time.LocalDate;

/** Contraindication screening and attestations, with the PDMP (prescription-monitoring) check date. */
public record Screening(Integer systolic, Integer diastolic, LocalDate measuredOn, SubstanceUse substanceUse,
                        Boolean psychoticFeatures, Boolean vascularContraindication, Boolean pregnant,
                        LocalDate pdmpCheckedOn) {
}

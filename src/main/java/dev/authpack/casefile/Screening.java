package dev.authpack.casefile;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import java.util.List;

/**
 * Contraindication screening and attestations, with the PDMP (prescription-monitoring) check date.
 * The members after {@code pdmpCheckedOn} came with contract v1.1; an absent yes/no among them
 * counts as "no" where a policy reads it, so older cases keep their results.
 */
public record Screening(@Min(0) @Max(400) Integer systolic, @Min(0) @Max(400) Integer diastolic,
                        @PastOrPresent LocalDate measuredOn, SubstanceUse substanceUse,
                        Boolean psychoticFeatures, Boolean vascularContraindication, Boolean pregnant,
                        @PastOrPresent LocalDate pdmpCheckedOn,
                        Boolean psychosisRiskAttested, Boolean substanceUseTreated,
                        @PastOrPresent LocalDate abstinentSince, Boolean ketamineHypersensitivity,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ConcurrentTherapy> concurrentTherapies,
                        Boolean acuteSuicidality, Boolean patientRemsEnrolled) {

    public Screening {
        concurrentTherapies = concurrentTherapies == null ? List.of() : List.copyOf(concurrentTherapies);
    }

    /** A screening as written before contract v1.1. */
    public Screening(Integer systolic, Integer diastolic, LocalDate measuredOn, SubstanceUse substanceUse,
                     Boolean psychoticFeatures, Boolean vascularContraindication, Boolean pregnant,
                     LocalDate pdmpCheckedOn) {
        this(systolic, diastolic, measuredOn, substanceUse, psychoticFeatures, vascularContraindication, pregnant,
                pdmpCheckedOn, null, null, null, null, List.of(), null, null);
    }
}

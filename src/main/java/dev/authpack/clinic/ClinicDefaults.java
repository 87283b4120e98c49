package dev.authpack.clinic;

import dev.authpack.casefile.Facility;
import dev.authpack.casefile.Prescriber;
import java.util.List;

/**
 * What a new case of the clinic starts with, in the case model's own types: the facility members,
 * the clinic's prescribers to pick from, and the usual billing line (a fee-schedule code and its
 * units per session; the charge then comes from the fee schedule). Absent values are null.
 */
public record ClinicDefaults(Facility facility, List<Prescriber> prescribers, String feeCode, Integer feeUnits) {

    public ClinicDefaults {
        prescribers = List.copyOf(prescribers);
    }
}

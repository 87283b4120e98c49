package dev.authpack.casefile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.List;

public record TreatmentRequest(Treatment treatment, Phase phase, LocalDate startDate,
                               @Min(1) @Max(60) Integer sessions, Boolean urgent,
                               List<@Valid BillingLine> lines) {

    static final TreatmentRequest EMPTY = new TreatmentRequest(null, null, null, null, null, List.of());

    public TreatmentRequest {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** Absent phase means an initial request. */
    public Phase effectivePhase() {
        return phase == null ? Phase.INITIAL : phase;
    }

    public boolean isUrgent() {
        return Boolean.TRUE.equals(urgent);
    }
}

package dev.authpack.casefile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The request. The members after {@code lines} came with contract v1.1: the indication (absent
 * means TRD), the oral antidepressant given alongside, the improvement an earlier esketamine course
 * reached (absent: no earlier course) and the prescriber's note that no psychotherapy is available.
 */
public record TreatmentRequest(Treatment treatment, Phase phase, LocalDate startDate,
                               @Min(1) @Max(60) Integer sessions, Boolean urgent,
                               List<@Valid BillingLine> lines,
                               Indication indication, @Valid ConcurrentAntidepressant concurrentAntidepressant,
                               @DecimalMin("-100") @DecimalMax("100") BigDecimal priorEsketamineImprovementPct,
                               Boolean psychotherapyUnavailable) {

    static final TreatmentRequest EMPTY = new TreatmentRequest(null, null, null, null, null, List.of());

    public TreatmentRequest {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** A request as written before contract v1.1. */
    public TreatmentRequest(Treatment treatment, Phase phase, LocalDate startDate, Integer sessions, Boolean urgent,
                            List<BillingLine> lines) {
        this(treatment, phase, startDate, sessions, urgent, lines, null, null, null, null);
    }

    /**
     * The same request for another phase and start date. Copies (renewal, "copy as new case") go
     * through here so that a member added to the request later cannot be dropped by one of them.
     */
    public TreatmentRequest withPhaseAndStart(Phase newPhase, LocalDate newStartDate) {
        return new TreatmentRequest(treatment, newPhase, newStartDate, sessions, urgent, lines, indication,
                concurrentAntidepressant, priorEsketamineImprovementPct, psychotherapyUnavailable);
    }

    /** Absent phase means an initial request. */
    public Phase effectivePhase() {
        return phase == null ? Phase.INITIAL : phase;
    }

    /** Absent indication means treatment-resistant depression. */
    public Indication effectiveIndication() {
        return indication == null ? Indication.TRD : indication;
    }

    public boolean isUrgent() {
        return Boolean.TRUE.equals(urgent);
    }
}

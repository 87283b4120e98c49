package dev.authpack.casefile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A prior-authorization case as billing staff entered it: the contract's case JSON, bound and
 * checked for shape and value rules but possibly incomplete (drafts save). Absent values are
 * {@code null}; absent sections are empty records and absent lists are empty.
 */
public record CaseData(
        @Size(max = 200) String policyId,
        @Valid Patient patient,
        @Valid Coverage coverage,
        @Valid Prescriber prescriber,
        @Valid Facility facility,
        @Valid Diagnosis diagnosis,
        List<@Valid Assessment> assessments,
        List<@Valid MedicationTrial> medicationTrials,
        List<@Valid Psychotherapy> psychotherapy,
        @Valid Screening screening,
        @Valid TreatmentRequest request) {

    public CaseData {
        patient = patient == null ? Patient.EMPTY : patient;
        coverage = coverage == null ? Coverage.EMPTY : coverage;
        prescriber = prescriber == null ? Prescriber.EMPTY : prescriber;
        facility = facility == null ? Facility.EMPTY : facility;
        diagnosis = diagnosis == null ? Diagnosis.EMPTY : diagnosis;
        assessments = assessments == null ? List.of() : List.copyOf(assessments);
        medicationTrials = medicationTrials == null ? List.of() : List.copyOf(medicationTrials);
        psychotherapy = psychotherapy == null ? List.of() : List.copyOf(psychotherapy);
        request = request == null ? TreatmentRequest.EMPTY : request;
    }

    /** True when the plan is self-pay: no member id, no payer criteria, a Good Faith Estimate. */
    public boolean selfPay() {
        return coverage.planType() == PlanType.SELF_PAY;
    }
}

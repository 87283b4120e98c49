package dev.authpack.completeness;

import static dev.authpack.completeness.CriterionId.PDMP;
import static dev.authpack.completeness.CriterionId.PRESCRIBER;
import static dev.authpack.completeness.CriterionId.REMS;
import static dev.authpack.completeness.CriterionId.TREATMENT;

import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.ConsultingPsychiatrist;
import dev.authpack.casefile.Specialty;
import dev.authpack.casefile.Treatment;
import dev.authpack.policy.PdmpRule;
import dev.authpack.policy.Policy;
import dev.authpack.policy.PrescriberRule;
import dev.authpack.policy.Window;
import java.time.LocalDate;
import java.util.stream.Collectors;

/** TREATMENT, PRESCRIBER (with the consultation route), REMS (with patient enrolment) and PDMP: single facts the clinic attests to. */
final class AttestationChecks {

    private AttestationChecks() {
    }

    static CriterionResult treatment(CaseData data, Policy policy, LocalDate asOf) {
        Treatment treatment = data.request().treatment();
        if (treatment == null) {
            return CriterionResult.missing(TREATMENT, "no treatment requested", "request.treatment");
        }
        if (policy.effectiveFrom() != null && asOf.isBefore(policy.effectiveFrom())) {
            return CriterionResult.notMet(TREATMENT, "no version of this policy is in force on " + asOf
                    + ": its first version takes effect on " + policy.effectiveFrom(), "request.startDate");
        }
        String refused = policy.notCoveredReason(treatment);
        if (refused != null) {
            return CriterionResult.notMet(TREATMENT, Wording.treatment(treatment) + " is not covered by this policy: "
                    + refused, "request.treatment").withAdvice(policy.notCoveredAdvice(treatment));
        }
        if (policy.covers(treatment)) {
            return CriterionResult.met(TREATMENT, Wording.treatment(treatment) + " is a covered treatment",
                    "request.treatment");
        }
        String covered = policy.treatments().stream().map(Wording::treatment).collect(Collectors.joining(", "));
        return CriterionResult.notMet(TREATMENT, Wording.treatment(treatment) + " is not covered by this policy"
                + " (covers " + covered + ")", "request.treatment");
    }

    static CriterionResult prescriber(CaseData data, PrescriberRule rule) {
        Specialty specialty = data.prescriber().specialty();
        ConsultingPsychiatrist consultant = data.prescriber().consultingPsychiatrist();
        boolean accepted = specialty != null && rule.prescriberSpecialties().contains(specialty);
        if (!accepted && rule.consultingPsychiatristAccepted() && consultant != null && consultant.named()) {
            return CriterionResult.met(PRESCRIBER, "consulting psychiatrist " + consultant.name() + " (NPI "
                    + consultant.npi().value() + ")" + (specialty == null ? ""
                    : " for a prescriber in " + Wording.specialty(specialty)), "prescriber.consultingPsychiatrist");
        }
        if (specialty == null) {
            return CriterionResult.missing(PRESCRIBER, "no prescriber specialty", "prescriber.specialty");
        }
        if (rule.prescriberSpecialties().contains(specialty)) {
            return CriterionResult.met(PRESCRIBER, "prescriber specialty: " + Wording.specialty(specialty),
                    "prescriber.specialty");
        }
        String list = rule.prescriberSpecialties().stream().map(Wording::specialty).collect(Collectors.joining(", "));
        String route = !rule.consultingPsychiatristAccepted() ? ""
                : consultant == null ? ", and no consulting psychiatrist named"
                : ", and the consulting psychiatrist needs both name and NPI to count";
        return CriterionResult.notMet(PRESCRIBER, "prescriber specialty " + Wording.specialty(specialty)
                + " is not accepted (accepted: " + list + ")" + route, "prescriber.specialty");
    }

    static CriterionResult rems(CaseData data, boolean patientEnrolment) {
        Boolean certified = data.facility().remsCertified();
        if (certified == null) {
            return CriterionResult.missing(REMS, "REMS certification of the facility not recorded",
                    "facility.remsCertified");
        }
        String facility = certified ? "the facility is REMS-certified" : "the facility is not REMS-certified";
        if (!patientEnrolment) {
            return CriterionResult.of(REMS, certified, facility, "facility.remsCertified");
        }
        Boolean enrolled = data.screening() == null ? null : data.screening().patientRemsEnrolled();
        if (enrolled == null) {
            return CriterionResult.missing(REMS, facility + "; the patient's REMS enrolment is not recorded"
                    + " (this policy requires it)", "screening.patientRemsEnrolled");
        }
        String patient = enrolled ? "the patient is enrolled in the REMS" : "the patient is not enrolled in the REMS";
        return CriterionResult.of(REMS, certified && enrolled, facility + "; " + patient,
                certified ? "screening.patientRemsEnrolled" : "facility.remsCertified");
    }

    static CriterionResult pdmp(CaseData data, PdmpRule rule, LocalDate asOf) {
        LocalDate checked = data.screening() == null ? null : data.screening().pdmpCheckedOn();
        if (checked == null) {
            return CriterionResult.missing(PDMP, "no PDMP check date", "screening.pdmpCheckedOn");
        }
        String detail = "PDMP checked " + checked + ", " + Wording.distance(checked, asOf);
        if (rule.pdmpWindow() == Window.ANY_DATE) {
            return CriterionResult.of(PDMP, !checked.isAfter(asOf), detail + (checked.isAfter(asOf)
                    ? "; must be on or before the start date" : " (this policy sets no window)"), "screening.pdmpCheckedOn");
        }
        if (Wording.within(checked, asOf, rule.pdmpWindowDays())) {
            return CriterionResult.met(PDMP, detail, "screening.pdmpCheckedOn");
        }
        return CriterionResult.notMet(PDMP, detail + "; must be within " + rule.pdmpWindowDays()
                + " days before the start date", "screening.pdmpCheckedOn");
    }
}

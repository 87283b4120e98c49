package dev.authpack.completeness;

import static dev.authpack.completeness.CriterionId.PDMP;
import static dev.authpack.completeness.CriterionId.PRESCRIBER;
import static dev.authpack.completeness.CriterionId.REMS;
import static dev.authpack.completeness.CriterionId.TREATMENT;

import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.Specialty;
import dev.authpack.casefile.Treatment;
import dev.authpack.policy.PdmpRule;
import dev.authpack.policy.Policy;
import dev.authpack.policy.PrescriberRule;
import java.time.LocalDate;
import java.util.stream.Collectors;

/** TREATMENT, PRESCRIBER, REMS and PDMP: single facts the clinic attests to. */
final class AttestationChecks {

    private AttestationChecks() {
    }

    static CriterionResult treatment(CaseData data, Policy policy) {
        Treatment treatment = data.request().treatment();
        if (treatment == null) {
            return CriterionResult.missing(TREATMENT, "no treatment requested", "request.treatment");
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
        if (specialty == null) {
            return CriterionResult.missing(PRESCRIBER, "no prescriber specialty", "prescriber.specialty");
        }
        if (rule.prescriberSpecialties().contains(specialty)) {
            return CriterionResult.met(PRESCRIBER, "prescriber specialty: " + Wording.specialty(specialty),
                    "prescriber.specialty");
        }
        String accepted = rule.prescriberSpecialties().stream().map(Wording::specialty).collect(Collectors.joining(", "));
        return CriterionResult.notMet(PRESCRIBER, "prescriber specialty " + Wording.specialty(specialty)
                + " is not accepted (accepted: " + accepted + ")", "prescriber.specialty");
    }

    static CriterionResult rems(CaseData data) {
        Boolean certified = data.facility().remsCertified();
        if (certified == null) {
            return CriterionResult.missing(REMS, "REMS certification of the facility not recorded",
                    "facility.remsCertified");
        }
        return CriterionResult.of(REMS, certified,
                certified ? "the facility is REMS-certified" : "the facility is not REMS-certified",
                "facility.remsCertified");
    }

    static CriterionResult pdmp(CaseData data, PdmpRule rule, LocalDate asOf) {
        LocalDate checked = data.screening() == null ? null : data.screening().pdmpCheckedOn();
        if (checked == null) {
            return CriterionResult.missing(PDMP, "no PDMP check date", "screening.pdmpCheckedOn");
        }
        String detail = "PDMP checked " + checked + ", " + Wording.distance(checked, asOf);
        if (Wording.within(checked, asOf, rule.pdmpWindowDays())) {
            return CriterionResult.met(PDMP, detail, "screening.pdmpCheckedOn");
        }
        return CriterionResult.notMet(PDMP, detail + "; must be within " + rule.pdmpWindowDays()
                + " days before the start date", "screening.pdmpCheckedOn");
    }
}

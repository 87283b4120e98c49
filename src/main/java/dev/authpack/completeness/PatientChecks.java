package dev.authpack.completeness;

import static dev.authpack.completeness.CriterionId.AGE;
import static dev.authpack.completeness.CriterionId.DIAGNOSIS;

import dev.authpack.casefile.CaseData;
import dev.authpack.core.Icd10Code;
import dev.authpack.policy.AgeRule;
import dev.authpack.policy.DiagnosisCodes;
import dev.authpack.policy.DiagnosisRule;
import java.time.LocalDate;
import java.time.Period;

/** AGE and DIAGNOSIS: who the patient is and what they have. */
final class PatientChecks {

    private PatientChecks() {
    }

    static CriterionResult age(CaseData data, AgeRule rule, LocalDate asOf) {
        LocalDate born = data.patient().dateOfBirth();
        if (born == null) {
            return CriterionResult.missing(AGE, "no date of birth", "patient.dateOfBirth");
        }
        // Period counts whole years, so the birthday itself is the first day of the new age
        int years = Period.between(born, asOf).getYears();
        String detail = years + " years on " + asOf;
        boolean old = rule.minAge() == null || years >= rule.minAge();
        boolean young = rule.maxAge() == null || years <= rule.maxAge();
        if (old && young) {
            return CriterionResult.met(AGE, detail, "patient.dateOfBirth");
        }
        return CriterionResult.notMet(AGE, detail + "; " + required(rule), "patient.dateOfBirth");
    }

    private static String required(AgeRule rule) {
        if (rule.minAge() != null && rule.maxAge() != null) {
            return rule.minAge() + " to " + rule.maxAge() + " years required";
        }
        return rule.minAge() != null ? rule.minAge() + " or older required" : rule.maxAge() + " or younger required";
    }

    static CriterionResult diagnosis(CaseData data, DiagnosisRule rule, DiagnosisCodes codes) {
        Icd10Code code = data.diagnosis().icd10();
        if (code == null) {
            return CriterionResult.missing(DIAGNOSIS, "no diagnosis code", "diagnosis.icd10");
        }
        String named = codes.describe(code).map(text -> code + " " + text).orElse(code.value());
        if (rule.accepts(code) && rule.structuredInterview()) {
            return interview(data, named);
        }
        if (rule.accepts(code)) {
            return CriterionResult.met(DIAGNOSIS, named, "diagnosis.icd10");
        }
        return CriterionResult.notMet(DIAGNOSIS,
                named + " is not an eligible diagnosis (eligible: " + Wording.list(rule.diagnoses()) + ")",
                "diagnosis.icd10");
    }

    /** The policy also wants the diagnosis established by a structured clinical interview (e.g. SCID-5). */
    private static CriterionResult interview(CaseData data, String named) {
        Boolean interviewed = data.diagnosis().structuredInterview();
        String field = "diagnosis.structuredInterview";
        if (interviewed == null) {
            return CriterionResult.missing(DIAGNOSIS, named + "; not recorded whether a structured clinical interview"
                    + " established it (this policy requires one)", field);
        }
        return CriterionResult.of(DIAGNOSIS, interviewed, named + (interviewed
                ? ", established by a structured clinical interview"
                : "; not established by a structured clinical interview, which this policy requires"), field);
    }
}

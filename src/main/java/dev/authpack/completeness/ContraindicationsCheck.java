package dev.authpack.completeness;

import static dev.authpack.completeness.CriterionId.CONTRAINDICATIONS;

import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.Screening;
import dev.authpack.casefile.SubstanceUse;
import dev.authpack.policy.ContraindicationRule;
import dev.authpack.policy.DiagnosisCodes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CONTRAINDICATIONS: every screening answer present and clear, and a recent blood pressure below
 * the policy's limits. An absent answer is MISSING even when another answer already fails: the
 * reviewer needs the whole screening either way.
 */
final class ContraindicationsCheck {

    private ContraindicationsCheck() {
    }

    static CriterionResult check(CaseData data, ContraindicationRule rule, DiagnosisCodes codes, LocalDate asOf) {
        Screening s = data.screening();
        if (s == null) {
            return CriterionResult.missing(CONTRAINDICATIONS, "no screening recorded", "screening");
        }
        List<String> absent = absent(s);
        if (!absent.isEmpty()) {
            return CriterionResult.missing(CONTRAINDICATIONS, "screening lacks " + String.join(", ", absent),
                    "screening." + absent.get(0));
        }
        List<String> problems = new ArrayList<>();
        if (s.psychoticFeatures()) {
            problems.add("psychotic features reported in screening");
        }
        if (codes.psychotic(data.diagnosis().icd10())) {
            problems.add("diagnosis " + data.diagnosis().icd10() + " is a depression with psychotic features");
        }
        if (s.substanceUse() == SubstanceUse.ACTIVE) {
            problems.add("active substance use");
        }
        if (s.vascularContraindication()) {
            problems.add("vascular contraindication");
        }
        if (s.pregnant()) {
            problems.add("pregnant");
        }
        String bp = "blood pressure " + s.systolic() + "/" + s.diastolic() + " on " + s.measuredOn();
        if (!Wording.within(s.measuredOn(), asOf, rule.bpWindowDays())) {
            problems.add(bp + " (" + Wording.distance(s.measuredOn(), asOf) + "), not measured within "
                    + rule.bpWindowDays() + " days before the start date");
        } else if (s.systolic() >= rule.bpSystolicLimit() || s.diastolic() >= rule.bpDiastolicLimit()) {
            problems.add(bp + " is not below " + rule.bpSystolicLimit() + "/" + rule.bpDiastolicLimit());
        }
        if (problems.isEmpty()) {
            return CriterionResult.met(CONTRAINDICATIONS, "no psychosis, active substance use, vascular "
                    + "contraindication or pregnancy; " + bp, "screening");
        }
        return CriterionResult.notMet(CONTRAINDICATIONS, String.join("; ", problems), "screening");
    }

    private static List<String> absent(Screening s) {
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("psychoticFeatures", s.psychoticFeatures());
        read.put("substanceUse", s.substanceUse());
        read.put("vascularContraindication", s.vascularContraindication());
        read.put("pregnant", s.pregnant());
        read.put("systolic", s.systolic());
        read.put("diastolic", s.diastolic());
        read.put("measuredOn", s.measuredOn());
        List<String> absent = new ArrayList<>();
        read.forEach((key, value) -> {
            if (value == null) {
                absent.add(key);
            }
        });
        return absent;
    }
}

package dev.authpack.completeness;

import static dev.authpack.completeness.CriterionId.CONTRAINDICATIONS;

import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.ConcurrentTherapy;
import dev.authpack.casefile.Screening;
import dev.authpack.casefile.SubstanceUse;
import dev.authpack.policy.ContraindicationRule;
import dev.authpack.policy.DiagnosisCodes;
import dev.authpack.policy.PsychosisScreen;
import dev.authpack.policy.Screen;
import dev.authpack.policy.SubstanceUseScreen;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CONTRAINDICATIONS: every screening answer the policy reads present and clear, and (where the
 * policy checks it) a recent blood pressure below its limits. An absent answer is MISSING even when
 * another answer already fails: the reviewer needs the whole screening either way. The answers
 * contract v1.1 added (attestations, hypersensitivity, concurrent therapies) count as "no" when absent.
 */
final class ContraindicationsCheck {

    private ContraindicationsCheck() {
    }

    static CriterionResult check(CaseData data, ContraindicationRule rule, DiagnosisCodes codes, LocalDate asOf) {
        Screening s = data.screening();
        if (s == null) {
            return CriterionResult.missing(CONTRAINDICATIONS, "no screening recorded", "screening");
        }
        List<String> absent = absent(s, rule);
        if (!absent.isEmpty()) {
            return CriterionResult.missing(CONTRAINDICATIONS, PayerWording.SCREENING_LACKS + String.join(", ", absent),
                    "screening." + absent.get(0));
        }
        List<String> problems = new ArrayList<>();
        List<String> clear = new ArrayList<>();
        psychosis(data, s, rule, codes, problems, clear);
        substanceUse(s, rule, asOf, problems, clear);
        if (s.vascularContraindication()) {
            problems.add("vascular contraindication");
        } else {
            clear.add("no vascular contraindication");
        }
        if (rule.pregnancy() == Screen.CHECKED) {
            if (s.pregnant()) {
                problems.add("pregnant");
            } else {
                clear.add("not pregnant");
            }
        }
        if (rule.hypersensitivity() == Screen.CHECKED) {
            if (Boolean.TRUE.equals(s.ketamineHypersensitivity())) {
                problems.add("known hypersensitivity to ketamine or esketamine");
            } else {
                clear.add("no known hypersensitivity to ketamine or esketamine");
            }
        }
        if (!rule.excludedConcurrentTherapies().isEmpty()) {
            List<ConcurrentTherapy> excluded = s.concurrentTherapies().stream()
                    .filter(rule.excludedConcurrentTherapies()::contains).distinct().toList();
            if (excluded.isEmpty()) {
                clear.add("no concurrent " + therapies(rule.excludedConcurrentTherapies()));
            } else {
                problems.add("receiving " + therapies(excluded) + " now, which this policy excludes alongside it");
            }
        }
        String bp = bloodPressure(s, rule, asOf, problems);
        if (problems.isEmpty()) {
            if (rule.original()) {
                return CriterionResult.met(CONTRAINDICATIONS, "no psychosis, active substance use, vascular "
                        + "contraindication or pregnancy; " + bp, "screening");
            }
            return CriterionResult.met(CONTRAINDICATIONS, String.join("; ", clear) + (bp == null ? "" : "; " + bp),
                    "screening");
        }
        return CriterionResult.notMet(CONTRAINDICATIONS, String.join("; ", problems), "screening");
    }

    private static void psychosis(CaseData data, Screening s, ContraindicationRule rule, DiagnosisCodes codes,
                                  List<String> problems, List<String> clear) {
        if (rule.psychosis() == PsychosisScreen.NOT_CHECKED) {
            return;
        }
        List<String> found = new ArrayList<>();
        if (s.psychoticFeatures()) {
            found.add("psychotic features reported in screening");
        }
        if (codes.psychotic(data.diagnosis().icd10())) {
            found.add("diagnosis " + data.diagnosis().icd10() + " is a depression with psychotic features");
        }
        if (found.isEmpty()) {
            clear.add("no psychosis");
        } else if (rule.psychosis() == PsychosisScreen.EXCLUDED) {
            problems.addAll(found);
        } else if (Boolean.TRUE.equals(s.psychosisRiskAttested())) {
            clear.add(String.join(", ", found) + ": allowed, the prescriber attests that the benefit outweighs the risk");
        } else {
            problems.add(String.join(", ", found) + ", without the prescriber's attestation that the benefit"
                    + " outweighs the risk");
        }
    }

    private static void substanceUse(Screening s, ContraindicationRule rule, LocalDate asOf, List<String> problems,
                                     List<String> clear) {
        SubstanceUseScreen screen = rule.substanceUse();
        if (screen == SubstanceUseScreen.NOT_CHECKED) {
            return;
        }
        SubstanceUse use = s.substanceUse();
        if (use == SubstanceUse.ACTIVE) {
            if (screen == SubstanceUseScreen.TREATED_ALLOWED && Boolean.TRUE.equals(s.substanceUseTreated())) {
                clear.add("active substance use, allowed because it is being treated");
            } else {
                problems.add(screen == SubstanceUseScreen.TREATED_ALLOWED
                        ? "active substance use that is not recorded as treated" : "active substance use");
            }
            return;
        }
        if (use == SubstanceUse.IN_REMISSION && screen == SubstanceUseScreen.REMISSION_WITH_ABSTINENCE) {
            long days = Wording.daysBefore(s.abstinentSince(), asOf);
            String line = "substance use in remission, abstinent since " + s.abstinentSince() + " ("
                    + Wording.distance(s.abstinentSince(), asOf) + ")"; // a date after the start reads "after", not "-5 days before"
            if (days >= rule.abstinenceDays()) {
                clear.add(line);
            } else {
                problems.add(line + ": at least " + rule.abstinenceDays() + " days of abstinence required");
            }
            return;
        }
        clear.add("no active substance use");
    }

    private static String therapies(Collection<ConcurrentTherapy> therapies) {
        return therapies.stream().map(Wording::therapy).collect(Collectors.joining(", "));
    }

    /** The blood-pressure line for the MET detail, or null when the policy does not check it. */
    private static String bloodPressure(Screening s, ContraindicationRule rule, LocalDate asOf, List<String> problems) {
        if (rule.bloodPressure() == Screen.NOT_CHECKED) {
            return null;
        }
        String bp = "blood pressure " + s.systolic() + "/" + s.diastolic() + " on " + s.measuredOn();
        if (!Wording.within(s.measuredOn(), asOf, rule.bpWindowDays())) {
            problems.add(bp + " (" + Wording.distance(s.measuredOn(), asOf) + "), not measured within "
                    + rule.bpWindowDays() + " days before the start date");
        } else if (s.systolic() >= rule.bpSystolicLimit() || s.diastolic() >= rule.bpDiastolicLimit()) {
            problems.add(bp + " is not below " + rule.bpSystolicLimit() + "/" + rule.bpDiastolicLimit());
        }
        return bp;
    }

    /** The screening answers this policy reads that are absent, in the form's order. */
    private static List<String> absent(Screening s, ContraindicationRule rule) {
        Map<String, Object> read = new LinkedHashMap<>();
        if (rule.psychosis() != PsychosisScreen.NOT_CHECKED) {
            read.put("psychoticFeatures", s.psychoticFeatures());
        }
        if (rule.substanceUse() != SubstanceUseScreen.NOT_CHECKED) {
            read.put("substanceUse", s.substanceUse());
        }
        read.put("vascularContraindication", s.vascularContraindication());
        if (rule.pregnancy() == Screen.CHECKED) {
            read.put("pregnant", s.pregnant());
        }
        if (rule.bloodPressure() == Screen.CHECKED) {
            read.put("systolic", s.systolic());
            read.put("diastolic", s.diastolic());
            read.put("measuredOn", s.measuredOn());
        }
        if (rule.substanceUse() == SubstanceUseScreen.REMISSION_WITH_ABSTINENCE
                && s.substanceUse() == SubstanceUse.IN_REMISSION) {
            read.put("abstinentSince", s.abstinentSince());
        }
        List<String> absent = new ArrayList<>();
        read.forEach((key, value) -> {
            if (value == null) {
                absent.add(key);
            }
        });
        return absent;
    }
}

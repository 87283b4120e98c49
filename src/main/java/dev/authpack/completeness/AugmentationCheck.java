package dev.authpack.completeness;

import static dev.authpack.completeness.CriterionId.AUGMENTATION;
import static dev.authpack.completeness.CriterionId.PSYCHOTHERAPY;

import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.MedicationTrial;
import dev.authpack.casefile.Psychotherapy;
import dev.authpack.casefile.TrialRole;
import dev.authpack.policy.AugmentationRule;
import dev.authpack.policy.PsychotherapyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** AUGMENTATION (trials, or psychotherapy where the policy allows it) and PSYCHOTHERAPY. */
final class AugmentationCheck {

    private AugmentationCheck() {
    }

    static CriterionResult augmentation(CaseData data, AugmentationRule rule, TrialQualifier qualifier) {
        List<MedicationTrial> trials = data.medicationTrials().stream()
                .filter(t -> t.effectiveRole() == TrialRole.AUGMENTATION).toList();
        boolean orTherapy = rule.augmentationOrPsychotherapy();
        List<Psychotherapy> courses = orTherapy ? data.psychotherapy() : List.of();
        if (trials.isEmpty() && courses.isEmpty()) {
            return CriterionResult.missing(AUGMENTATION, orTherapy
                    ? "no augmentation trial or psychotherapy course recorded"
                    : "no augmentation trial recorded", "medicationTrials");
        }
        List<TrialVerdict> verdicts = trials.stream().map(t -> qualifier.judge(t, rule.minAugmentationWeeks())).toList();
        List<TrialVerdict> counted = TrialQualifier.oncePerDrug(verdicts).stream().filter(TrialVerdict::qualifies).toList();
        List<String> evidence = new ArrayList<>(FailedTrialsCheck.evidence(verdicts, counted));
        courses.forEach(c -> evidence.add("psychotherapy: " + TrialLines.describe(c)));
        String found = Wording.count(counted.size(), "qualifying augmentation trial", "qualifying augmentation trials")
                + ", " + rule.minAugmentationTrials() + " required";
        if (counted.size() >= rule.minAugmentationTrials()) {
            return CriterionResult.met(AUGMENTATION, found, "medicationTrials").withEvidence(evidence);
        }
        if (orTherapy) {
            Optional<Psychotherapy> course = enough(courses, rule.minPsychotherapySessions());
            if (course.isPresent()) {
                return CriterionResult.met(AUGMENTATION, "psychotherapy instead of augmentation: "
                        + TrialLines.describe(course.get()) + " (" + rule.minPsychotherapySessions() + " required)",
                        "psychotherapy").withEvidence(evidence);
            }
            return CriterionResult.notMet(AUGMENTATION, found + ", and no psychotherapy course of "
                    + rule.minPsychotherapySessions() + " or more sessions", "medicationTrials").withEvidence(evidence);
        }
        return CriterionResult.notMet(AUGMENTATION, found, "medicationTrials").withEvidence(evidence);
    }

    static CriterionResult psychotherapy(CaseData data, PsychotherapyRule rule) {
        if (data.psychotherapy().isEmpty()) {
            return CriterionResult.missing(PSYCHOTHERAPY, "no psychotherapy course recorded", "psychotherapy");
        }
        List<String> evidence = data.psychotherapy().stream().map(TrialLines::describe).toList();
        Optional<Psychotherapy> course = enough(data.psychotherapy(), rule.minPsychotherapySessions());
        String detail = course.map(TrialLines::describe)
                .orElse("no course of " + rule.minPsychotherapySessions() + " or more sessions");
        return CriterionResult.of(PSYCHOTHERAPY, course.isPresent(), detail + " ("
                + rule.minPsychotherapySessions() + " sessions required)", "psychotherapy").withEvidence(evidence);
    }

    private static Optional<Psychotherapy> enough(List<Psychotherapy> courses, int minSessions) {
        return courses.stream().filter(c -> c.sessions() != null && c.sessions() >= minSessions).findFirst();
    }
}

package dev.authpack.completeness;

import static dev.authpack.completeness.CriterionId.FAILED_TRIALS;

import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.MedicationTrial;
import dev.authpack.casefile.TrialRole;
import dev.authpack.policy.TrialRule;
import java.util.List;
import java.util.Objects;

/** FAILED_TRIALS: enough qualifying monotherapy trials, across enough drug classes. */
final class FailedTrialsCheck {

    private static final String FIELD = "medicationTrials";

    private FailedTrialsCheck() {
    }

    static CriterionResult check(CaseData data, TrialRule rule, TrialQualifier qualifier) {
        List<MedicationTrial> trials = data.medicationTrials().stream()
                .filter(t -> t.effectiveRole() == TrialRole.MONOTHERAPY).toList();
        if (trials.isEmpty()) {
            return CriterionResult.missing(FAILED_TRIALS, "no monotherapy trial recorded", FIELD);
        }
        List<TrialVerdict> verdicts = trials.stream().map(t -> qualifier.judge(t)).toList();
        List<TrialVerdict> counted = TrialQualifier.oncePerDrug(verdicts).stream().filter(TrialVerdict::qualifies).toList();
        // classes come from every qualifying trial, not only the one counted per drug: a repeat that
        // names the class of an unknown drug still adds it, and array order never changes the verdict
        long classes = verdicts.stream().filter(TrialVerdict::qualifies).map(TrialVerdict::drugClass)
                .filter(Objects::nonNull).distinct().count();
        int n = counted.size();
        List<String> evidence = evidence(verdicts, counted);
        String found = Wording.count(n, "qualifying trial", "qualifying trials");
        if (n < rule.minFailedTrials()) {
            return CriterionResult.notMet(FAILED_TRIALS, found + ", " + rule.minFailedTrials() + " required", FIELD)
                    .withEvidence(evidence);
        }
        String ofClasses = found + " of " + Wording.count(classes, "class", "classes");
        if (classes < rule.minDistinctClasses()) {
            return CriterionResult.notMet(FAILED_TRIALS, ofClasses + ", " + rule.minDistinctClasses()
                    + " classes required", FIELD).withEvidence(evidence);
        }
        // a policy without a class rule (Texas Medicaid) must not read "of 0 classes required"
        String required = rule.minDistinctClasses() > 0
                ? ofClasses + " (" + rule.minFailedTrials() + " trials of "
                        + Wording.count(rule.minDistinctClasses(), "class", "classes") + " required)"
                : found + " (" + rule.minFailedTrials() + " required, of any class)";
        return CriterionResult.met(FAILED_TRIALS, required, FIELD).withEvidence(evidence);
    }

    /** One line per trial as entered; a repeat of a counted drug says it is counted once. */
    static List<String> evidence(List<TrialVerdict> verdicts, List<TrialVerdict> counted) {
        return verdicts.stream().map(v -> {
            boolean repeat = v.qualifies() && counted.stream().noneMatch(c -> c == v);
            return repeat ? v.evidence() + "; same drug as a counted trial: counts once" : v.evidence();
        }).toList();
    }
}

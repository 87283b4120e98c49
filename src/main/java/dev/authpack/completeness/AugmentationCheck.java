package dev.authpack.completeness;

import static dev.authpack.completeness.CriterionId.AUGMENTATION;
import static dev.authpack.completeness.CriterionId.PSYCHOTHERAPY;

import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.MedicationTrial;
import dev.authpack.casefile.Psychotherapy;
import dev.authpack.casefile.TrialRole;
import dev.authpack.policy.AugmentationRule;
import dev.authpack.policy.PsychotherapyRule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** AUGMENTATION (trials, or psychotherapy where the policy allows it) and PSYCHOTHERAPY. */
final class AugmentationCheck {

    private AugmentationCheck() {
    }

    /** {@code qualifier} judges by the augmentation standard (the trial rules with this section's overrides). */
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
        List<TrialVerdict> verdicts = trials.stream().map(qualifier::judge).toList();
        List<TrialVerdict> counted = TrialQualifier.oncePerDrug(verdicts).stream().filter(TrialVerdict::qualifies).toList();
        List<String> evidence = new ArrayList<>(FailedTrialsCheck.evidence(verdicts, counted));
        LocalDate episodeStart = data.diagnosis().episodeStart();
        boolean extraRules = rule.psychotherapyModalities() != null || rule.psychotherapyCurrentEpisode();
        courses.forEach(c -> {
            // the original policies read only the session count, which the line already shows
            String problem = extraRules ? courseProblem(c, rule, episodeStart) : null;
            evidence.add("psychotherapy: " + TrialLines.describe(c) + (problem == null ? "" : "; does not count: " + problem));
        });
        String found = Wording.count(counted.size(), "qualifying augmentation trial", "qualifying augmentation trials")
                + ", " + rule.minAugmentationTrials() + " required";
        if (counted.size() >= rule.minAugmentationTrials()) {
            return CriterionResult.met(AUGMENTATION, found, "medicationTrials").withEvidence(evidence);
        }
        if (orTherapy) {
            Optional<Psychotherapy> course = courses.stream().filter(c -> courseProblem(c, rule, episodeStart) == null)
                    .findFirst();
            if (course.isPresent()) {
                return CriterionResult.met(AUGMENTATION, "psychotherapy instead of augmentation: "
                        + TrialLines.describe(course.get()) + " (" + (extraRules || rule.minPsychotherapySessions() == 0
                        ? therapyRequired(rule) : rule.minPsychotherapySessions() + " required") + ")",
                        "psychotherapy").withEvidence(evidence);
            }
            return CriterionResult.notMet(AUGMENTATION, found + ", and no psychotherapy course of "
                    + therapyRequired(rule), "medicationTrials").withEvidence(evidence);
        }
        return CriterionResult.notMet(AUGMENTATION, found, "medicationTrials").withEvidence(evidence);
    }

    /** "8 or more sessions", or for policies that name modalities "CBT, IPT, ST or PEI, in the current episode". */
    private static String therapyRequired(AugmentationRule rule) {
        List<String> parts = new ArrayList<>();
        if (rule.minPsychotherapySessions() > 0) {
            parts.add(rule.minPsychotherapySessions() + " or more sessions");
        }
        if (rule.psychotherapyModalities() != null) {
            parts.add("modality " + String.join(", ", rule.psychotherapyModalities()));
        }
        if (rule.psychotherapyCurrentEpisode()) {
            parts.add("in the current episode");
        }
        return parts.isEmpty() ? "any kind" : String.join("; ", parts);
    }

    /** Why a course does not stand in for augmentation, or null when it does. */
    private static String courseProblem(Psychotherapy c, AugmentationRule rule, LocalDate episodeStart) {
        int min = rule.minPsychotherapySessions();
        if (min > 0 && (c.sessions() == null || c.sessions() < min)) {
            return c.sessions() == null ? "sessions not recorded (" + min + " required)"
                    : c.sessions() + " sessions, " + min + " required";
        }
        if (rule.psychotherapyModalities() != null && !accepted(c.modality(), rule)) {
            String accepted = String.join(", ", rule.psychotherapyModalities());
            return c.modality() == null ? "no modality recorded (this policy accepts " + accepted + ")"
                    : "modality " + c.modality() + " is not one this policy accepts (" + accepted + ")";
        }
        if (rule.psychotherapyCurrentEpisode()) {
            LocalDate last = c.endDate() != null ? c.endDate() : c.startDate();
            if (episodeStart == null) {
                return "no episode start date (diagnosis.episodeStart) to place it in the current episode";
            }
            if (last == null) {
                return "no dates to place it in the current episode";
            }
            if (last.isBefore(episodeStart)) {
                return (c.endDate() != null ? "ended" : "started, with no end date,")
                        + " before the current episode began on " + episodeStart;
            }
        }
        return null;
    }

    /**
     * A policy file's worked example binds without the API's element checks, so a course may arrive
     * without its modality; it then cannot be one the policy names (and must not stop the file loading).
     */
    private static boolean accepted(String modality, AugmentationRule rule) {
        return modality != null && rule.psychotherapyModalities().contains(modality.strip().toUpperCase(Locale.ROOT));
    }

    static CriterionResult psychotherapy(CaseData data, PsychotherapyRule rule) {
        boolean unavailable = rule.unavailableExempts() && Boolean.TRUE.equals(data.request().psychotherapyUnavailable());
        int min = rule.minPsychotherapySessions();
        String required = min > 0 ? min + " sessions required" : "any number of sessions";
        if (data.psychotherapy().isEmpty()) {
            if (unavailable) {
                return CriterionResult.met(PSYCHOTHERAPY, "no psychotherapy course, and the prescriber documents that"
                        + " none is available to the patient (the policy accepts this)", "request.psychotherapyUnavailable");
            }
            if (rule.unavailableExempts()) {
                return CriterionResult.notMet(PSYCHOTHERAPY, "no psychotherapy course, and no note that psychotherapy"
                        + " is unavailable to the patient (one or the other is required)", "psychotherapy");
            }
            return CriterionResult.missing(PSYCHOTHERAPY, "no psychotherapy course recorded", "psychotherapy");
        }
        List<String> evidence = data.psychotherapy().stream().map(TrialLines::describe).toList();
        Optional<Psychotherapy> course = data.psychotherapy().stream()
                .filter(c -> min == 0 || c.sessions() != null && c.sessions() >= min).findFirst();
        if (course.isEmpty() && unavailable) {
            return CriterionResult.met(PSYCHOTHERAPY, "no course of " + min + " or more sessions, but the prescriber"
                    + " documents that no psychotherapy is available (the policy accepts this)",
                    "request.psychotherapyUnavailable").withEvidence(evidence);
        }
        String detail = course.map(TrialLines::describe)
                .orElse("no course of " + min + " or more sessions");
        return CriterionResult.of(PSYCHOTHERAPY, course.isPresent(), detail + " (" + required + ")", "psychotherapy")
                .withEvidence(evidence);
    }
}

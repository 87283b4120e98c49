package dev.authpack.completeness;

import dev.authpack.casefile.ClinicalWords;
import dev.authpack.casefile.DrugClass;
import dev.authpack.casefile.MedicationTrial;
import dev.authpack.casefile.TrialOutcome;
import dev.authpack.policy.Drug;
import dev.authpack.policy.DrugCatalog;
import dev.authpack.policy.Comparison;
import dev.authpack.policy.TrialStandard;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a monotherapy or augmentation trial counts as failed under a policy's trial
 * standard: class, outcome, intolerance, duration, current episode, lookback, adherence and catalog dose. Every absent
 * value a rule needs keeps the trial from qualifying, and the evidence line says which.
 */
final class TrialQualifier {

    private final TrialStandard rule;
    private final DrugCatalog drugs;
    private final LocalDate episodeStart;
    private final LocalDate asOf;

    TrialQualifier(TrialStandard rule, DrugCatalog drugs, LocalDate episodeStart, LocalDate asOf) {
        this.rule = rule;
        this.drugs = drugs;
        this.episodeStart = episodeStart;
        this.asOf = asOf;
    }

    TrialVerdict judge(MedicationTrial trial) {
        Optional<Drug> known = drugs.find(trial.drug());
        DrugClass drugClass = drugs.classOf(trial.drug(), trial.drugClass()).orElse(null);
        LocalDate end = trial.endDate() != null ? trial.endDate() : asOf;
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        drugClass(drugClass, problems);
        outcome(trial, problems);
        duration(trial, end, problems, notes);
        window(end, problems);
        adherence(trial, problems);
        dose(trial, known, problems, notes);
        if (drugClass == null && rule.onlyClasses() == null) {
            notes.add("class unknown: counts as a trial but adds no class");
        }
        StringBuilder line = new StringBuilder(TrialLines.describe(trial, asOf));
        if (!problems.isEmpty()) {
            line.append("; does not qualify: ").append(String.join(", ", problems));
        }
        notes.forEach(note -> line.append("; ").append(note));
        return new TrialVerdict(trial, problems.isEmpty(), drugClass, line.toString());
    }

    /** Under a policy that counts only listed classes, another class (or none) does not qualify at all. */
    private void drugClass(DrugClass drugClass, List<String> problems) {
        if (rule.onlyClasses() == null || drugClass != null && rule.onlyClasses().contains(drugClass)) {
            return;
        }
        String listed = rule.onlyClasses().stream().map(ClinicalWords::drugClass)
                .collect(java.util.stream.Collectors.joining(", "));
        problems.add((drugClass == null ? "class unknown" : "class " + ClinicalWords.drugClass(drugClass))
                + ": only " + listed + " count");
    }

    private void outcome(MedicationTrial trial, List<String> problems) {
        TrialOutcome outcome = trial.outcome();
        if (outcome == null) {
            problems.add("no outcome recorded");
            return;
        }
        if (outcome == TrialOutcome.INTOLERANCE && !rule.intoleranceCounts()) {
            problems.add("stopped for intolerance, which this policy does not count as a failed trial");
            return;
        }
        var max = rule.failureMaxImprovementPct();
        if (max == null) {
            // the policy names no number: any inadequate or partial response is a failure
            if (outcome == TrialOutcome.RESPONSE) {
                problems.add("the patient responded");
            }
            return;
        }
        var pct = trial.improvementPct();
        switch (outcome) {
            case RESPONSE -> problems.add("the patient responded");
            case PARTIAL_RESPONSE -> {
                if (pct == null) {
                    problems.add("partial response without a recorded improvement %");
                } else if (pct.compareTo(max) > 0) {
                    problems.add(Wording.number(pct) + " % improvement, failure means at most " + Wording.number(max) + " %");
                }
            }
            case INADEQUATE_RESPONSE -> {
                if (pct != null && pct.compareTo(max) > 0) {
                    problems.add(Wording.number(pct) + " % improvement, failure means at most " + Wording.number(max) + " %");
                }
            }
            case INTOLERANCE -> { }
        }
    }

    private void duration(MedicationTrial trial, LocalDate end, List<String> problems, List<String> notes) {
        if (trial.startDate() == null) {
            problems.add("no start date");
            return;
        }
        if (trial.outcome() == TrialOutcome.INTOLERANCE && rule.intoleranceCounts()) {
            return; // stopping for side effects is a failure however early it happens
        }
        long days = Wording.daysBefore(trial.startDate(), end);
        int weeks = rule.minWeeks();
        // an open trial that starts after the start date has not run at all: no negative length
        String lasted = days < 0 ? "started after " + end : "lasted " + Wording.count(days, "day", "days");
        if (rule.durationComparison() == Comparison.AT_LEAST) {
            if (days < 7L * weeks) {
                problems.add(lasted + ", at least " + (7 * weeks) + " days (" + weeks + " weeks) required");
            }
        } else if (days < rule.minDays()) {
            problems.add(lasted + ": not more than " + weeks + " weeks (" + rule.minDays() + " days or more required)");
        } else {
            notes.add(lasted + ": more than " + weeks + " weeks");
        }
    }

    private void window(LocalDate end, List<String> problems) {
        if (rule.requireCurrentEpisode()) {
            if (episodeStart == null) {
                problems.add("no episode start date (diagnosis.episodeStart) to place it in the current episode");
            } else if (end.isBefore(episodeStart)) {
                problems.add("ended before the current episode began on " + episodeStart);
            }
        }
        if (rule.lookbackYears() != null) {
            LocalDate earliest = asOf.minusYears(rule.lookbackYears());
            if (end.isBefore(earliest)) {
                problems.add("ended before " + earliest + ", more than " + rule.lookbackYears() + " years before " + asOf);
            }
        }
    }

    private void adherence(MedicationTrial trial, List<String> problems) {
        var min = rule.minAdherencePct();
        if (min == null) {
            return;
        }
        if (trial.adherencePct() == null) {
            problems.add("no adherence recorded (" + Wording.number(min) + " % required)");
        } else if (trial.adherencePct().compareTo(min) < 0) {
            problems.add("adherence " + Wording.number(trial.adherencePct()) + " %, " + Wording.number(min) + " % required");
        }
    }

    private void dose(MedicationTrial trial, Optional<Drug> known, List<String> problems, List<String> notes) {
        if (known.isEmpty()) {
            notes.add("not in the drug catalog: dose not checked");
            return;
        }
        var min = known.get().minDailyDoseMg();
        if (trial.dailyDoseMg() == null) {
            problems.add("no daily dose recorded (adequate dose " + Wording.number(min) + " mg/day)");
        } else if (trial.dailyDoseMg().compareTo(min) < 0) {
            problems.add(Wording.number(trial.dailyDoseMg()) + " mg/day is below the adequate dose of "
                    + Wording.number(min) + " mg/day");
        }
    }

    /**
     * One drug counts once: per drug name (case-insensitive), the first qualifying trial, else the
     * first trial. Returned in the order the drugs first appear.
     */
    static List<TrialVerdict> oncePerDrug(List<TrialVerdict> verdicts) {
        Map<String, TrialVerdict> chosen = new LinkedHashMap<>();
        for (TrialVerdict v : verdicts) {
            String key = DrugCatalog.key(v.trial().drug());
            TrialVerdict current = chosen.get(key);
            if (current == null || (!current.qualifies() && v.qualifies())) {
                chosen.put(key, v);
            }
        }
        return List.copyOf(chosen.values());
    }
}

package dev.authpack.completeness;

import static dev.authpack.completeness.CriterionId.CONCURRENT_ANTIDEPRESSANT;

import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.ClinicalWords;
import dev.authpack.casefile.ConcurrentAntidepressant;
import dev.authpack.casefile.DrugClass;
import dev.authpack.casefile.MedicationTrial;
import dev.authpack.policy.ConcurrentAntidepressantRule;
import dev.authpack.policy.DrugCatalog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * CONCURRENT_ANTIDEPRESSANT: an oral antidepressant given alongside; where the policy says so,
 * stable for a number of days before the start date and not a drug that already failed. A drug whose
 * class (given, or the catalog's) is an augmentation agent is no antidepressant; a drug of unknown
 * class is taken as the clinic names it.
 */
final class ConcurrentAntidepressantCheck {

    private static final String FIELD = "request.concurrentAntidepressant";

    private ConcurrentAntidepressantCheck() {
    }

    static CriterionResult check(CaseData data, ConcurrentAntidepressantRule rule, DrugCatalog drugs, LocalDate asOf) {
        ConcurrentAntidepressant drug = data.request().concurrentAntidepressant();
        if (drug == null) {
            return CriterionResult.missing(CONCURRENT_ANTIDEPRESSANT, "no oral antidepressant alongside recorded"
                    + " (this policy requires one)", FIELD + ".drug");
        }
        String named = drug.drug() + (drug.dailyDoseMg() == null ? "" : " " + Wording.number(drug.dailyDoseMg()) + " mg/day");
        List<String> problems = new ArrayList<>();
        List<String> facts = new ArrayList<>();
        DrugClass drugClass = drugs.classOf(drug.drug(), drug.drugClass()).orElse(null);
        if (drugClass != null && !drugClass.antidepressant()) {
            // lithium or an antipsychotic beside esketamine is augmentation, not the oral antidepressant the label asks for
            problems.add("is an augmentation agent (" + ClinicalWords.drugClass(drugClass) + "), not an antidepressant");
        }
        if (rule.notATrialDrug()) {
            String key = DrugCatalog.key(drug.drug());
            boolean failed = data.medicationTrials().stream().map(MedicationTrial::drug).map(DrugCatalog::key)
                    .anyMatch(key::equals);
            if (failed) {
                problems.add("is the drug of a medication trial in this case (the policy wants another one)");
            } else {
                facts.add("not a drug of the case's medication trials");
            }
        }
        // a drug already failing (an augmentation agent, a trial's drug) without a start date is NOT_MET, not
        // MISSING: no date can make it pass, and asking for one would send the clerk to the wrong field
        if (rule.minStableDays() != null && drug.startDate() == null && problems.isEmpty()) {
            return CriterionResult.missing(CONCURRENT_ANTIDEPRESSANT, named + ": no start date, and it must have"
                    + " started at least " + rule.minStableDays() + " days before the start date", FIELD + ".startDate");
        }
        if (rule.minStableDays() != null && drug.startDate() != null) {
            long days = Wording.daysBefore(drug.startDate(), asOf);
            String started = "started " + drug.startDate() + ", " + Wording.distance(drug.startDate(), asOf);
            if (days >= rule.minStableDays()) {
                facts.add(started + " (at least " + rule.minStableDays() + " days required)");
            } else {
                problems.add(started + ": at least " + rule.minStableDays() + " days required");
            }
        }
        if (problems.isEmpty()) {
            return CriterionResult.met(CONCURRENT_ANTIDEPRESSANT, facts.isEmpty() ? named + " given alongside"
                    : named + " given alongside, " + String.join(", ", facts), FIELD);
        }
        return CriterionResult.notMet(CONCURRENT_ANTIDEPRESSANT, named + " " + String.join(" and ", problems),
                problems.get(0).startsWith("started") ? FIELD + ".startDate" : FIELD + ".drug");
    }
}

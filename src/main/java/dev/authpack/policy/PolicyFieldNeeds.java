package dev.authpack.policy;

import dev.authpack.casefile.Indication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which of the case members added by contract v1.1 a policy reads, each with a help sentence
 * worded from the policy's own rule, so the case form asks only what the chosen policy needs.
 * Keys are the members' JSON paths (a path ending in a section, e.g.
 * {@code request.concurrentAntidepressant}, stands for all its inputs).
 */
public final class PolicyFieldNeeds {

    private PolicyFieldNeeds() {
    }

    public static Map<String, String> of(Policy policy) {
        Map<String, String> needs = new LinkedHashMap<>();
        List<PolicyCriteria> all = new ArrayList<>();
        for (Indication indication : Indication.values()) {
            all.add(policy.criteriaFor(indication));
        }
        if (policy.judgesIndication()) {
            needs.put("request.indication", "This policy covers " + policy.indications().keySet().stream()
                    .map(Enum::name).collect(Collectors.joining(" and ")) + " (absent means TRD).");
            if (policy.covers(Indication.MDSI)) {
                needs.put("screening.acuteSuicidality", "For MDSI this policy needs the prescriber's evaluation to"
                        + " document acute suicidal ideation or behaviour.");
            }
        }
        if (all.stream().anyMatch(c -> c.diagnosis() != null && c.diagnosis().structuredInterview())) {
            needs.put("diagnosis.structuredInterview", "This policy wants the diagnosis established by a structured"
                    + " clinical interview (e.g. SCID-5).");
        }
        if (all.stream().anyMatch(c -> c.prescriber() != null && c.prescriber().consultingPsychiatristAccepted())) {
            needs.put("prescriber.consultingPsychiatrist", "When the prescriber is not a psychiatrist, this policy"
                    + " accepts a consulting psychiatrist named with name and NPI.");
        }
        concurrent(policy, needs);
        all.stream().map(PolicyCriteria::priorEsketamine).filter(r -> r != null).findFirst().ifPresent(r ->
                needs.put("request.priorEsketamineImprovementPct", "Leave empty if there was no earlier esketamine"
                        + " course; this policy needs an earlier course to have improved more than "
                        + r.improvementAbovePct().stripTrailingZeros().toPlainString() + " %."));
        if (all.stream().anyMatch(c -> c.psychotherapy() != null && c.psychotherapy().unavailableExempts())) {
            needs.put("request.psychotherapyUnavailable", "This policy wants a psychotherapy course, unless the"
                    + " prescriber documents that none is available to the patient.");
        }
        contraindications(all, needs);
        if (all.stream().anyMatch(PolicyCriteria::remsPatientEnrolment)) {
            needs.put("screening.patientRemsEnrolled", "This policy needs the patient enrolled in the Spravato REMS"
                    + " as well as a certified setting.");
        }
        return needs;
    }

    private static void concurrent(Policy policy, Map<String, String> needs) {
        List<String> when = new ArrayList<>();
        ConcurrentAntidepressantRule rule = null;
        for (Indication indication : Indication.values()) {
            ConcurrentAntidepressantRule r = policy.criteriaFor(indication).concurrentAntidepressant();
            if (r != null && (!policy.judgesIndication() || policy.covers(indication))) {
                when.add(indication.name());
                rule = r;
            }
        }
        if (rule == null) {
            return;
        }
        StringBuilder help = new StringBuilder("This policy wants an oral antidepressant alongside")
                .append(policy.judgesIndication() ? " for " + String.join(" and ", when) : "");
        if (rule.minStableDays() != null) {
            help.append(", started at least ").append(rule.minStableDays()).append(" days before the start date");
        }
        if (rule.notATrialDrug()) {
            help.append(", and not a drug of the failed trials");
        }
        needs.put("request.concurrentAntidepressant", help.append('.').toString());
    }

    private static void contraindications(List<PolicyCriteria> all, Map<String, String> needs) {
        for (PolicyCriteria c : all) {
            ContraindicationRule r = c.contraindications();
            if (r == null) {
                continue;
            }
            if (r.psychosis() == PsychosisScreen.ALLOWED_WITH_ATTESTATION) {
                needs.put("screening.psychosisRiskAttested", "This policy allows psychotic features only when the"
                        + " prescriber documents that the benefit outweighs the risk.");
            }
            if (r.substanceUse() == SubstanceUseScreen.TREATED_ALLOWED) {
                needs.put("screening.substanceUseTreated", "This policy accepts active substance use only when it is"
                        + " being treated or medically managed.");
            }
            if (r.substanceUse() == SubstanceUseScreen.REMISSION_WITH_ABSTINENCE) {
                needs.put("screening.abstinentSince", "For substance use in remission this policy needs at least "
                        + r.abstinenceDays() + " days of abstinence before the start date.");
            }
            if (r.hypersensitivity() == Screen.CHECKED) {
                needs.put("screening.ketamineHypersensitivity", "A known hypersensitivity to ketamine or esketamine"
                        + " excludes treatment under this policy.");
            }
            if (!r.excludedConcurrentTherapies().isEmpty()) {
                needs.put("screening.concurrentTherapies", "This policy excludes treatment alongside "
                        + r.excludedConcurrentTherapies().stream().map(Enum::name).collect(Collectors.joining(", ")) + ".");
            }
        }
    }
}

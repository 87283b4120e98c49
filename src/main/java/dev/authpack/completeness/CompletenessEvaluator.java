package dev.authpack.completeness;

import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.Phase;
import dev.authpack.casefile.Treatment;
import dev.authpack.policy.DiagnosisCodes;
import dev.authpack.policy.DrugCatalog;
import dev.authpack.policy.Policy;
import dev.authpack.policy.PolicyCriteria;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Judges a case against a policy as of a date: plain Java, no Spring, no database, so every rule
 * and boundary is tested directly. Criteria appear in the contract's order; those the policy (or
 * the request's phase and treatment) does not apply are left out.
 */
final class CompletenessEvaluator {

    private final DrugCatalog drugs;
    private final DiagnosisCodes codes;

    public CompletenessEvaluator(DrugCatalog drugs, DiagnosisCodes codes) {
        this.drugs = drugs;
        this.codes = codes;
    }

    /** {@code policy} null means the case names no loaded policy: only missing fields are reported. */
    public CompletenessReport evaluate(CaseData data, Policy policy, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf: the start date, or today without one");
        List<String> missing = MissingFields.of(data, policy != null);
        if (policy == null) {
            return CompletenessReport.of(null, asOf, missing, List.of());
        }
        var ref = new CompletenessReport.PolicyRef(policy.id(), policy.version(), policy.effectiveFrom());
        return CompletenessReport.of(ref, asOf, missing, criteria(data, policy, asOf));
    }

    private List<CriterionResult> criteria(CaseData data, Policy policy, LocalDate asOf) {
        // the indication chooses the criteria: MDSI drops the treatment-resistance ones (see Policy)
        PolicyCriteria c = policy.criteriaFor(data.request().effectiveIndication());
        boolean reauth = data.request().effectivePhase() == Phase.REAUTHORIZATION;
        List<CriterionResult> out = new ArrayList<>();
        if (c.treatment()) {
            out.add(AttestationChecks.treatment(data, policy, asOf));
        }
        if (c.age() != null) {
            out.add(PatientChecks.age(data, c.age(), asOf));
        }
        if (c.diagnosis() != null) {
            out.add(PatientChecks.diagnosis(data, c.diagnosis(), codes));
        }
        if (policy.judgesIndication()) {
            out.add(IndicationCheck.check(data, policy));
        }
        if (c.severity() != null && !reauth) {
            out.add(SeverityCheck.check(data, c.severity(), asOf));
        }
        if (c.failedTrials() != null) {
            LocalDate episodeStart = data.diagnosis().episodeStart();
            var qualifier = new TrialQualifier(c.failedTrials().standard(), drugs, episodeStart, asOf);
            out.add(FailedTrialsCheck.check(data, c.failedTrials(), qualifier));
            if (c.augmentation() != null) {
                var augmentation = new TrialQualifier(c.augmentation().standard(c.failedTrials()), drugs, episodeStart, asOf);
                out.add(AugmentationCheck.augmentation(data, c.augmentation(), augmentation));
            }
        }
        if (c.psychotherapy() != null) {
            out.add(AugmentationCheck.psychotherapy(data, c.psychotherapy()));
        }
        if (c.concurrentAntidepressant() != null) {
            out.add(ConcurrentAntidepressantCheck.check(data, c.concurrentAntidepressant(), drugs, asOf));
        }
        if (c.priorEsketamine() != null) {
            out.add(PriorEsketamineCheck.check(data, c.priorEsketamine()));
        }
        if (c.contraindications() != null) {
            out.add(ContraindicationsCheck.check(data, c.contraindications(), codes, asOf));
        }
        if (c.prescriber() != null) {
            out.add(AttestationChecks.prescriber(data, c.prescriber()));
        }
        if (c.rems() && data.request().treatment() == Treatment.ESKETAMINE) {
            out.add(AttestationChecks.rems(data, c.remsPatientEnrolment()));
        }
        if (c.pdmp() != null) {
            out.add(AttestationChecks.pdmp(data, c.pdmp(), asOf));
        }
        if (c.reauthResponse() != null && reauth) {
            out.add(ReauthResponseCheck.check(data, c.reauthResponse()));
        }
        return out;
    }
}

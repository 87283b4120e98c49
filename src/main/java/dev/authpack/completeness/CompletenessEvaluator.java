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
        var ref = new CompletenessReport.PolicyRef(policy.id(), policy.version());
        return CompletenessReport.of(ref, asOf, missing, criteria(data, policy, asOf));
    }

    private List<CriterionResult> criteria(CaseData data, Policy policy, LocalDate asOf) {
        PolicyCriteria c = policy.criteria();
        boolean reauth = data.request().effectivePhase() == Phase.REAUTHORIZATION;
        List<CriterionResult> out = new ArrayList<>();
        if (c.treatment()) {
            out.add(AttestationChecks.treatment(data, policy));
        }
        if (c.age() != null) {
            out.add(PatientChecks.age(data, c.age(), asOf));
        }
        if (c.diagnosis() != null) {
            out.add(PatientChecks.diagnosis(data, c.diagnosis(), codes));
        }
        if (c.severity() != null && !reauth) {
            out.add(SeverityCheck.check(data, c.severity(), asOf));
        }
        if (c.failedTrials() != null) {
            var qualifier = new TrialQualifier(c.failedTrials(), drugs, data.diagnosis().episodeStart(), asOf);
            out.add(FailedTrialsCheck.check(data, c.failedTrials(), qualifier));
            if (c.augmentation() != null) {
                out.add(AugmentationCheck.augmentation(data, c.augmentation(), qualifier));
            }
        }
        if (c.psychotherapy() != null) {
            out.add(AugmentationCheck.psychotherapy(data, c.psychotherapy()));
        }
        if (c.contraindications() != null) {
            out.add(ContraindicationsCheck.check(data, c.contraindications(), codes, asOf));
        }
        if (c.prescriber() != null) {
            out.add(AttestationChecks.prescriber(data, c.prescriber()));
        }
        if (c.rems() && data.request().treatment() == Treatment.ESKETAMINE) {
            out.add(AttestationChecks.rems(data));
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

package dev.authpack.completeness;

import dev.authpack.casefile.CaseAssessor;
import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.Treatment;
import dev.authpack.policy.Policy;
import dev.authpack.policy.DiagnosisCodes;
import dev.authpack.policy.DrugCatalog;
import dev.authpack.policy.PolicyCatalog;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Judges a case against the policy it names, as of its requested start date (or today without one). */
@Service
public class CompletenessService implements CaseAssessor {

    /**
     * Raise it with every change to this package's code that can turn a verdict (a rule read more strictly, a new
     * check): cases store the {@code complete} flag their last save computed, and a start-up whose revision differs
     * from the one the flags were computed under judges every case again, as it does when a policy file changed.
     * 2: an augmentation agent no longer stands in for the oral antidepressant alongside, and a drug alongside that
     * fails for what it is is NOT_MET without a start date, not MISSING it (session 38).
     */
    public static final int RULES_REVISION = 2;

    private final PolicyCatalog policies;
    private final CompletenessEvaluator evaluator;
    private final Clock clock;

    public CompletenessService(PolicyCatalog policies, DrugCatalog drugs, DiagnosisCodes codes, Clock clock) {
        this.policies = policies;
        this.evaluator = new CompletenessEvaluator(drugs, codes);
        this.clock = clock;
    }

    @Override
    public boolean isComplete(CaseData data) {
        return check(data).complete();
    }

    @Override
    public long rulesRead() {
        return policies.loadedUpload();
    }

    @Override
    public void catchUp() {
        policies.refresh();
    }

    public CompletenessReport check(CaseData data) {
        LocalDate asOf = asOf(data);
        // the version in force on the start date decides (the first version, when none is yet)
        return evaluator.evaluate(data, policies.inForce(data.policyId(), asOf).orElse(null), asOf);
    }

    /** The case judged against another loaded policy than its own (the version in force on its start date). */
    public Optional<CompletenessReport> checkAgainst(CaseData data, String policyId) {
        LocalDate asOf = asOf(data);
        return policies.inForce(policyId, asOf).map(policy -> evaluator.evaluate(data, policy, asOf));
    }

    /** The case judged against one given policy version (e.g. an uploaded one not yet stored), as of its start date. */
    public CompletenessReport checkWith(CaseData data, Policy policy) {
        return evaluator.evaluate(data, policy, asOf(data));
    }

    /** The date a case is judged on: its requested start date, or today without one. */
    public LocalDate judgedOn(CaseData data) {
        return asOf(data);
    }

    /** The case judged against every payer policy that covers its treatment, in catalog order. */
    public PolicyComparison compare(CaseData data) {
        LocalDate asOf = asOf(data);
        Treatment treatment = data.request().treatment();
        List<PolicyComparison.Verdict> verdicts = new ArrayList<>();
        for (Policy newest : policies.all()) {
            Policy policy = policies.inForce(newest.id(), asOf).orElse(newest);
            if (policy.criteria().none() || !policy.covers(treatment)) {
                continue;
            }
            CompletenessReport report = evaluator.evaluate(data, policy, asOf);
            verdicts.add(new PolicyComparison.Verdict(report.policy(), policy.name(), policy.source(), report.complete(),
                    report.missing(), report.unmetCriteria()));
        }
        return new PolicyComparison(asOf, treatment == null ? null : treatment.name(), verdicts);
    }

    private LocalDate asOf(CaseData data) {
        return data.request().startDate() != null ? data.request().startDate() : LocalDate.now(clock);
    }
}

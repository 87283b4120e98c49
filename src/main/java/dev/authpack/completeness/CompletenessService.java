package dev.authpack.completeness;

import dev.authpack.casefile.CaseAssessor;
import dev.authpack.casefile.CaseData;
import dev.authpack.policy.DiagnosisCodes;
import dev.authpack.policy.DrugCatalog;
import dev.authpack.policy.PolicyCatalog;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/** Judges a case against the policy it names, as of its requested start date (or today without one). */
@Service
public class CompletenessService implements CaseAssessor {

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

    public CompletenessReport check(CaseData data) {
        LocalDate asOf = data.request().startDate() != null ? data.request().startDate() : LocalDate.now(clock);
        // the version in force on the start date decides (the first version, when none is yet)
        return evaluator.evaluate(data, policies.inForce(data.policyId(), asOf).orElse(null), asOf);
    }
}

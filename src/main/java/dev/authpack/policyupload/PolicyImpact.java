package dev.authpack.policyupload;

import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.StoredCase;
import dev.authpack.completeness.CompletenessReport;
import dev.authpack.completeness.CompletenessService;
import dev.authpack.policy.Policy;
import dev.authpack.policy.PolicyCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Which open cases a new policy version would change: each case naming the policy whose start
 * date the new version would judge, evaluated under the version in force now and under the new
 * one; listed when {@code complete} differs. Every case counts as open: this branch has no
 * submission status yet (the authorization lifecycle of issue #14 adds one; filter on it there).
 */
@Component
class PolicyImpact {

    private final CaseService cases;
    private final CompletenessService completeness;
    private final PolicyCatalog catalog;

    PolicyImpact(CaseService cases, CompletenessService completeness, PolicyCatalog catalog) {
        this.cases = cases;
        this.completeness = completeness;
        this.catalog = catalog;
    }

    List<ImpactRow> of(Policy candidate) {
        List<Policy> versions = new ArrayList<>(catalog.versions(candidate.id()));
        versions.add(candidate);
        versions.sort(Comparator.comparing(Policy::effectiveFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<ImpactRow> rows = new ArrayList<>();
        for (StoredCase c : cases.allNamingPolicy(candidate.id())) {
            if (PolicyCatalog.inForce(versions, completeness.judgedOn(c.data())) != candidate) {
                continue;
            }
            CompletenessReport before = completeness.check(c.data());
            CompletenessReport after = completeness.checkWith(c.data(), candidate);
            if (before.complete() != after.complete()) {
                rows.add(new ImpactRow(c.id().toString(), c.clinicId(), Verdict.of(before), Verdict.of(after)));
            }
        }
        return rows;
    }
}

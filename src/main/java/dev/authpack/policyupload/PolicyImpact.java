package dev.authpack.policyupload;

import dev.authpack.authorization.AuthStatus;
import dev.authpack.authorization.Authorization;
import dev.authpack.authorization.AuthorizationService;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.StoredCase;
import dev.authpack.completeness.CompletenessReport;
import dev.authpack.completeness.CompletenessService;
import dev.authpack.policy.Policy;
import dev.authpack.policy.PolicyCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Which open cases a new policy version would change: each case naming the policy whose start
 * date the new version would judge, evaluated under the version in force now and under the new
 * one; listed when {@code complete} differs. Open means not yet submitted to the payer
 * (authorization status NOT_SUBMITTED): a submitted request was judged by what the payer had then.
 */
@Component
class PolicyImpact {

    private final CaseService cases;
    private final CompletenessService completeness;
    private final PolicyCatalog catalog;
    private final AuthorizationService authorizations;

    PolicyImpact(CaseService cases, CompletenessService completeness, PolicyCatalog catalog,
                 AuthorizationService authorizations) {
        this.authorizations = authorizations;
        this.cases = cases;
        this.completeness = completeness;
        this.catalog = catalog;
    }

    List<ImpactRow> of(Policy candidate) {
        List<Policy> versions = new ArrayList<>(catalog.versions(candidate.id()));
        versions.add(candidate);
        versions.sort(Comparator.comparing(Policy::effectiveFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<ImpactRow> rows = new ArrayList<>();
        Map<String, Map<UUID, Authorization>> byClinic = new HashMap<>();
        for (StoredCase c : cases.allNamingPolicy(candidate.id())) {
            Authorization auth = byClinic.computeIfAbsent(c.clinicId(), authorizations::forClinic)
                    .getOrDefault(c.id(), Authorization.NONE);
            if (auth.status() != AuthStatus.NOT_SUBMITTED) {
                continue;
            }
            if (PolicyCatalog.inForce(versions, completeness.judgedOn(c.data())) != candidate) {
                continue;
            }
            CompletenessReport before = completeness.check(c.data());
            CompletenessReport after = completeness.checkWith(c.data(), candidate);
            if (before.complete() != after.complete()) {
                rows.add(new ImpactRow(c.id().toString(), c.clinicId(), ImpactVerdict.of(before), ImpactVerdict.of(after)));
            }
        }
        return rows;
    }
}

package dev.authpack.policyupload;

import dev.authpack.authorization.AuthStatus;
import dev.authpack.authorization.Authorization;
import dev.authpack.authorization.AuthorizationService;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.StoredCase;
import dev.authpack.completeness.CompletenessService;
import dev.authpack.policy.Policy;
import dev.authpack.policy.PolicyCatalog;
import dev.authpack.policy.PolicyVersions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a new policy version does to the cases: each case naming the policy whose start date the
 * new version would judge, evaluated once under the new version and, when it is open, under the
 * version in force now. That one evaluation serves both uses of an upload: the impact answer (open
 * cases whose {@code complete} changes) and the stored {@code complete} flags to correct (every
 * such case whose stored flag differs from the new verdict, submitted or not). Open means not yet
 * submitted to the payer (authorization status NOT_SUBMITTED): a submitted request was judged by
 * what the payer had then, so it is not listed, but its stored flag still follows the policy in
 * force, as {@code GET /cases/{id}/completeness} does.
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

    /** One case the new version judges: {@code before} only for an open case (null otherwise). */
    record Judged(StoredCase stored, boolean open, ImpactVerdict before, ImpactVerdict after) {

        /** The stored {@code complete} (and the status derived from it) no longer says what the new version says. */
        boolean flagIsStale() {
            return stored.complete() != after.complete();
        }
    }

    /**
     * The evaluation of one upload, read two ways; {@code seen} is the version of every case naming
     * the policy when it was judged (the new version's or not), to tell which were saved since.
     */
    record Assessment(List<Judged> judged, Map<UUID, Long> seen) {

        /** The contract's {@code impact}: the open cases whose {@code complete} changes under the new version. */
        List<ImpactRow> impact() {
            return judged.stream().filter(j -> j.open() && j.before().complete() != j.after().complete())
                    .map(j -> new ImpactRow(j.stored().id().toString(), j.stored().clinicId(), j.before(), j.after()))
                    .toList();
        }

        /** The cases whose stored flag must be rewritten once the new version is in use. */
        List<Judged> staleFlags() {
            return judged.stream().filter(Judged::flagIsStale).toList();
        }
    }

    Assessment of(Policy candidate) {
        // the candidate loaded after every version stored: it wins a tie of effectiveFrom, as once stored
        List<Policy> versions = PolicyVersions.adding(catalog.versions(candidate.id()), candidate);
        List<Judged> judged = new ArrayList<>();
        Map<UUID, Long> seen = new HashMap<>();
        Map<String, Map<UUID, Authorization>> byClinic = new HashMap<>();
        for (StoredCase c : cases.allNamingPolicy(candidate.id())) {
            seen.put(c.id(), c.version());
            if (PolicyVersions.inForce(versions, completeness.judgedOn(c.data())) != candidate) {
                continue;
            }
            Authorization auth = byClinic.computeIfAbsent(c.clinicId(), authorizations::forClinic)
                    .getOrDefault(c.id(), Authorization.NONE);
            boolean open = auth.status() == AuthStatus.NOT_SUBMITTED;
            ImpactVerdict before = open ? ImpactVerdict.of(completeness.check(c.data())) : null;
            ImpactVerdict after = ImpactVerdict.of(completeness.checkWith(c.data(), candidate));
            judged.add(new Judged(c, open, before, after));
        }
        return new Assessment(List.copyOf(judged), Map.copyOf(seen));
    }

    /**
     * The cases naming the policy that were created or saved after {@code assessed} judged them,
     * whose stored {@code complete} differs from what the catalog in use now says. Such a save
     * computed its flag with the version before the upload (it ran while the upload was judged and
     * stored), and the upload's rewrite left it alone (its version had moved on). Call once the new
     * version is in use; each is {@code before} = its stored flag, {@code after} = the verdict now.
     */
    List<Judged> savedMeanwhile(String policyId, Assessment assessed) {
        List<Judged> stale = new ArrayList<>();
        for (StoredCase c : cases.allNamingPolicy(policyId)) {
            Long judgedAt = assessed.seen().get(c.id());
            if (judgedAt != null && judgedAt == c.version()) {
                continue;
            }
            ImpactVerdict now = ImpactVerdict.of(completeness.check(c.data()));
            if (now.complete() != c.complete()) {
                stale.add(new Judged(c, false, null, now));
            }
        }
        return stale;
    }
}

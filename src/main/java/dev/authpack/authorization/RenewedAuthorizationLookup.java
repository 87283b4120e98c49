package dev.authpack.authorization;

import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.RenewedAuthorizations;
import dev.authpack.casefile.StoredCase;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The lifecycle's answer to {@link RenewedAuthorizations}: the previous case's authorization as replayed today. */
@Component
class RenewedAuthorizationLookup implements RenewedAuthorizations {

    private final RenewalService renewals;
    private final AuthorizationService authorizations;
    private final CaseService cases;

    RenewedAuthorizationLookup(RenewalService renewals, AuthorizationService authorizations, CaseService cases) {
        this.renewals = renewals;
        this.authorizations = authorizations;
        this.cases = cases;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Renewed> of(StoredCase stored) {
        var previous = renewals.links(stored).previousCaseId();
        if (previous == null) {
            return Optional.empty();
        }
        Authorization a = authorizations.of(cases.read(previous));
        return Optional.of(new Renewed(a.authorizationNumber(), a.approvedFrom(), a.approvedTo(), a.approvedSessions(),
                a.sessionsUsed()));
    }
}

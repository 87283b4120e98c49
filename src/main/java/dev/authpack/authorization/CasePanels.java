package dev.authpack.authorization;

import dev.authpack.casefile.StoredCase;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** Builds the case page's authorization section; the page controller audits the read of the case. */
@Component
public class CasePanels {

    private final AuthorizationService authorizations;
    private final RenewalService renewals;

    CasePanels(AuthorizationService authorizations, RenewalService renewals) {
        this.authorizations = authorizations;
        this.renewals = renewals;
    }

    public CasePanel panel(StoredCase stored) {
        AuthorizationService.Timeline timeline = authorizations.timeline(stored);
        Authorization a = timeline.authorization();
        RenewalService.Links links = renewals.links(stored);
        return new CasePanel(a, timeline.entries(), Transitions.allowedIn(a.status()), Arrays.asList(Channel.values()),
                authorizations.today(), CasePanel.sessionsPct(a), RenewalService.RENEWABLE.contains(a.status()),
                CasePanel.appealable(a.status()), links.previousCaseId(), List.copyOf(links.renewedBy()));
    }
}

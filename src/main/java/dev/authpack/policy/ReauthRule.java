package dev.authpack.policy;

import java.math.BigDecimal;

/** REAUTH_RESPONSE: in reauthorization, the latest score must have dropped at least this much. */
public record ReauthRule(BigDecimal reauthMinImprovementPct) {

    public ReauthRule {
        Checks.pct(reauthMinImprovementPct, "reauthMinImprovementPct", 0);
    }
}

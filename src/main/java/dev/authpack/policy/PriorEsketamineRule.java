package dev.authpack.policy;

import java.math.BigDecimal;

/**
 * PRIOR_ESKETAMINE: no earlier esketamine course, or one whose improvement was above
 * {@code improvementAbovePct} (a poor response to esketamine before excludes).
 */
public record PriorEsketamineRule(BigDecimal improvementAbovePct) {

    public PriorEsketamineRule {
        Checks.pct(improvementAbovePct, "improvementAbovePct", -100);
    }
}

package dev.authpack.completeness;

import static dev.authpack.completeness.CriterionId.PRIOR_ESKETAMINE;

import dev.authpack.casefile.CaseData;
import dev.authpack.policy.PriorEsketamineRule;
import java.math.BigDecimal;

/** PRIOR_ESKETAMINE: no earlier esketamine course, or one that helped more than the policy's threshold. */
final class PriorEsketamineCheck {

    private static final String FIELD = "request.priorEsketamineImprovementPct";

    private PriorEsketamineCheck() {
    }

    static CriterionResult check(CaseData data, PriorEsketamineRule rule) {
        BigDecimal pct = data.request().priorEsketamineImprovementPct();
        if (pct == null) {
            return CriterionResult.met(PRIOR_ESKETAMINE, "no earlier esketamine course recorded", FIELD);
        }
        String threshold = Wording.number(rule.improvementAbovePct()) + " %";
        String earlier = "earlier esketamine course: " + Wording.improvement(pct);
        if (pct.compareTo(rule.improvementAbovePct()) > 0) {
            return CriterionResult.met(PRIOR_ESKETAMINE, earlier + ", above " + threshold, FIELD);
        }
        return CriterionResult.notMet(PRIOR_ESKETAMINE, earlier + ", not above " + threshold
                + " (a poor response to esketamine before)", FIELD);
    }
}

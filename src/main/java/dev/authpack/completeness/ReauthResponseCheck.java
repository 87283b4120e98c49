package dev.authpack.completeness;

import static dev.authpack.completeness.CriterionId.REAUTH_RESPONSE;

import dev.authpack.casefile.Assessment;
import dev.authpack.casefile.CaseData;
import dev.authpack.policy.ReauthRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * REAUTH_RESPONSE: the latest score against the earliest score of the same scale. Ties on date
 * follow the array order (a later element is the later score), so same-day rescoring is predictable.
 */
final class ReauthResponseCheck {

    private static final String FIELD = "assessments";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ReauthResponseCheck() {
    }

    static CriterionResult check(CaseData data, ReauthRule rule) {
        List<Assessment> scores = data.assessments().stream()
                .filter(a -> a.instrument() != null && a.score() != null && a.date() != null).toList();
        if (scores.isEmpty()) {
            return CriterionResult.missing(REAUTH_RESPONSE, "no severity score recorded", FIELD);
        }
        Assessment latest = null;
        for (Assessment a : scores) {
            if (latest == null || !a.date().isBefore(latest.date())) {
                latest = a;
            }
        }
        var instrument = latest.instrument();
        List<Assessment> same = scores.stream().filter(a -> a.instrument() == instrument).toList();
        String scale = Wording.instrument(instrument);
        if (same.size() < 2) {
            return CriterionResult.missing(REAUTH_RESPONSE, "fewer than two " + scale
                    + " scores: a baseline and a current score are needed", FIELD);
        }
        Assessment earliest = null;
        for (Assessment a : same) {
            if (earliest == null || a.date().isBefore(earliest.date())) {
                earliest = a;
            }
        }
        String change = scale + " from " + earliest.score() + " on " + earliest.date() + " to "
                + latest.score() + " on " + latest.date();
        if (earliest.score() == 0) {
            return CriterionResult.notMet(REAUTH_RESPONSE, change + ": a baseline of 0 cannot show improvement", FIELD);
        }
        BigDecimal drop = BigDecimal.valueOf((long) earliest.score() - latest.score());
        BigDecimal base = BigDecimal.valueOf(earliest.score());
        // compare drop/base*100 >= min without dividing, so 50.0 % is never lost to rounding
        boolean met = drop.multiply(HUNDRED).compareTo(rule.reauthMinImprovementPct().multiply(base)) >= 0;
        BigDecimal pct = drop.multiply(HUNDRED).divide(base, 1, RoundingMode.HALF_UP);
        String detail = change + ": " + Wording.improvement(pct) + ", "
                + Wording.number(rule.reauthMinImprovementPct()) + " % required";
        return CriterionResult.of(REAUTH_RESPONSE, met, detail, FIELD);
    }
}

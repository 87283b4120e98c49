package dev.authpack.completeness;

import static dev.authpack.completeness.CriterionId.INDICATION;

import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.Indication;
import dev.authpack.policy.Policy;

/**
 * INDICATION: the request's indication (absent: TRD) is one the policy covers; MDSI also needs the
 * prescriber's documented acute suicidality. A policy that does not cover the indication judged
 * the rest of the request as TRD.
 */
final class IndicationCheck {

    private static final String FIELD = "request.indication";

    private IndicationCheck() {
    }

    static CriterionResult check(CaseData data, Policy policy) {
        Indication indication = data.request().effectiveIndication();
        String named = Wording.indication(indication) + (data.request().indication() == null ? " (no indication given)" : "");
        if (!policy.covers(indication)) {
            return CriterionResult.notMet(INDICATION, named + " is not covered by this policy (covers "
                    + Wording.list(policy.indications().keySet().stream().map(Wording::indication).toList())
                    + "); the request was judged as treatment-resistant depression", FIELD);
        }
        if (indication == Indication.TRD) {
            return CriterionResult.met(INDICATION, named + " is a covered indication", FIELD);
        }
        Boolean suicidality = data.screening() == null ? null : data.screening().acuteSuicidality();
        if (suicidality == null) {
            return CriterionResult.missing(INDICATION, named + ": acute suicidality is not recorded",
                    "screening.acuteSuicidality");
        }
        return CriterionResult.of(INDICATION, suicidality, suicidality
                ? named + ", with acute suicidality documented by the prescriber"
                : named + " requested, but the prescriber's evaluation does not document acute suicidality",
                "screening.acuteSuicidality");
    }
}

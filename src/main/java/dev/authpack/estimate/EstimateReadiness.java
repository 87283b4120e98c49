package dev.authpack.estimate;

import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.Coverage;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Whether a case's billing lines allow an estimate, for pages that should offer the button only
 * then: the same rule {@link EstimateService} refuses by, so the page and the API never disagree.
 */
@Component
public class EstimateReadiness {

    private final CoursePricing pricing;

    EstimateReadiness(FeeSchedules schedules, Clock clock) {
        this.pricing = new CoursePricing(schedules, clock);
    }

    /** The contract paths an estimate still needs; empty when one can be made. */
    public List<String> missing(CaseData data) {
        return pricing.missing(data);
    }

    /**
     * Whether the patient's share on an estimate comes to $0.00 only because no cost sharing is recorded: an insured
     * case with no deductible, coinsurance or copay, each of which the contract counts as 0 (the arithmetic is left
     * so). Not a self-pay case (the patient pays the charges), nor one whose out-of-pocket remainder is recorded as
     * 0: that $0.00 is what the payer said.
     */
    public boolean noCostSharingRecorded(CaseData data) {
        Coverage c = data.coverage();
        return c.planType() != null && !data.selfPay()
                && c.deductibleRemaining() == null && c.coinsurancePct() == null && c.copayPerSession() == null
                && (c.oopRemaining() == null || c.oopRemaining().isPositive());
    }
}

package dev.authpack.estimate;

import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.Coverage;
import dev.authpack.core.Money;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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

    /** Why an estimate will show an insured patient paying $0.00 without the payer having said so. */
    public enum ZeroShare {
        /** No deductible, coinsurance or copay recorded: the contract counts each as 0. */
        NOTHING_RECORDED,
        /** Some recorded, every one of them zero (a copay of $0.00 alone): the same $0.00, by the same arithmetic. */
        RECORDED_AS_ZERO
    }

    /**
     * Whether the patient's share on an estimate comes to $0.00 only because the cost sharing is absent or zero: an
     * insured case whose deductible, coinsurance and copay are each unrecorded (the contract counts them as 0, and
     * the arithmetic is left so) or recorded as zero, so that deductible + copay + coinsurance is 0 on every line.
     * Not a self-pay case (the patient pays the charges), nor one whose out-of-pocket remainder is recorded as 0:
     * that $0.00 is what the payer said. Empty when neither.
     */
    public Optional<ZeroShare> zeroShare(CaseData data) {
        Coverage c = data.coverage();
        if (c.planType() == null || data.selfPay() || (c.oopRemaining() != null && !c.oopRemaining().isPositive())) {
            return Optional.empty();
        }
        if (c.deductibleRemaining() == null && c.coinsurancePct() == null && c.copayPerSession() == null) {
            return Optional.of(ZeroShare.NOTHING_RECORDED);
        }
        boolean allZero = zeroOrAbsent(c.deductibleRemaining()) && zeroOrAbsent(c.copayPerSession())
                && (c.coinsurancePct() == null || c.coinsurancePct().signum() == 0);
        return allZero ? Optional.of(ZeroShare.RECORDED_AS_ZERO) : Optional.empty();
    }

    private static boolean zeroOrAbsent(Money m) {
        return m == null || !m.isPositive();
    }
}

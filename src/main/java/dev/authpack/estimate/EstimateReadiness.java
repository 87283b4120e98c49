package dev.authpack.estimate;

import dev.authpack.casefile.CaseData;
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
}

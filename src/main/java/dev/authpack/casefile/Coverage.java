package dev.authpack.casefile;

import dev.authpack.core.Money;
import java.math.BigDecimal;

/**
 * The patient's benefits for the requested service. {@code inNetwork} absent means in network;
 * absent benefit figures count as zero, an absent {@code oopRemaining} as no cap.
 */
public record Coverage(String payerName, PlanType planType, Boolean inNetwork, Money deductibleRemaining,
                       BigDecimal coinsurancePct, Money copayPerSession, Money oopRemaining) {

    static final Coverage EMPTY = new Coverage(null, null, null, null, null, null, null);

    public boolean isInNetwork() {
        return inNetwork == null || inNetwork;
    }
}

package dev.authpack.casefile;

import dev.authpack.core.Money;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * The patient's benefits for the requested service. {@code inNetwork} absent means in network;
 * absent benefit figures count as zero, an absent {@code oopRemaining} as no cap. Money is never
 * negative (the binder checks it when it builds {@link Money}).
 */
public record Coverage(@Size(max = 200) String payerName, PlanType planType, Boolean inNetwork,
                       Money deductibleRemaining,
                       @DecimalMin("0") @DecimalMax("100") BigDecimal coinsurancePct,
                       Money copayPerSession, Money oopRemaining) {

    static final Coverage EMPTY = new Coverage(null, null, null, null, null, null, null);

    public boolean isInNetwork() {
        return inNetwork == null || inNetwork;
    }
}

package dev.authpack.estimate;

import dev.authpack.casefile.Coverage;
import dev.authpack.core.Money;
import java.math.BigDecimal;

/**
 * The benefit figures the arithmetic reads, with the contract's defaults applied: absent
 * deductible, copay and coinsurance count as zero; an absent out-of-pocket remainder is no cap
 * ({@code oopRemaining == null}).
 */
record Benefits(boolean selfPay, boolean inNetwork, Money deductibleRemaining, BigDecimal coinsurancePct,
                       Money copayPerSession, Money oopRemaining) {

    public Benefits {
        deductibleRemaining = deductibleRemaining == null ? Money.ZERO : deductibleRemaining;
        coinsurancePct = coinsurancePct == null ? BigDecimal.ZERO : coinsurancePct;
        copayPerSession = copayPerSession == null ? Money.ZERO : copayPerSession;
    }

    public static Benefits of(Coverage coverage, boolean selfPay) {
        return new Benefits(selfPay, coverage.isInNetwork(), coverage.deductibleRemaining(),
                coverage.coinsurancePct(), coverage.copayPerSession(), coverage.oopRemaining());
    }

    public static Benefits selfPayOnly() {
        return new Benefits(true, true, null, null, null, null);
    }
}

package dev.authpack.estimate;

import dev.authpack.core.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract's cost-estimate arithmetic. Sessions bill every line once, in order; each amount
 * is rounded HALF_UP to the cent on its line, so totals are sums of rounded lines and match what a
 * person checking the PDF line by line would add up. Plain Java: no Spring, no I/O.
 */
final class EstimateCalculator {

    public Estimate calculate(Benefits benefits, int sessions, List<PricedLine> lines) {
        if (sessions < 1 || lines.isEmpty()) {
            throw new IllegalArgumentException("an estimate needs at least one session and one line");
        }
        List<LineCost> costs = benefits.selfPay() ? selfPay(sessions, lines) : insured(benefits, sessions, lines);
        return EstimateSummary.of(sessions, lines, costs);
    }

    private static List<LineCost> selfPay(int sessions, List<PricedLine> lines) {
        List<LineCost> costs = new ArrayList<>();
        for (int session = 1; session <= sessions; session++) {
            for (PricedLine line : lines) {
                Money charge = charge(line);
                costs.add(new LineCost(session, line, charge, charge, Money.ZERO, Money.ZERO, Money.ZERO, charge,
                        Money.ZERO, Money.ZERO));
            }
        }
        return costs;
    }

    private static List<LineCost> insured(Benefits benefits, int sessions, List<PricedLine> lines) {
        BigDecimal coinsuranceRate = benefits.coinsurancePct().movePointLeft(2);
        Money deductibleLeft = benefits.deductibleRemaining();
        Money oopLeft = benefits.oopRemaining(); // null: no cap
        List<LineCost> costs = new ArrayList<>();
        for (int session = 1; session <= sessions; session++) {
            Money copayLeft = benefits.copayPerSession();
            for (PricedLine line : lines) {
                Money charge = charge(line);
                Money allowed = line.allowedPerUnit() == null ? charge : line.allowedPerUnit().times(units(line));
                Money ded = allowed.min(deductibleLeft);
                Money copay = copayLeft.min(allowed.minus(ded));
                Money coins = allowed.minus(ded).minus(copay).times(coinsuranceRate);
                Money share = ded.plus(copay).plus(coins);
                if (oopLeft != null) {
                    share = share.min(oopLeft);
                    oopLeft = oopLeft.minus(share);
                }
                deductibleLeft = deductibleLeft.minus(ded);
                copayLeft = copayLeft.minus(copay);
                // the out-of-pocket cap covers the plan's share only; balance billing sits outside it
                Money balance = benefits.inNetwork() ? Money.ZERO : charge.minus(allowed).max(Money.ZERO);
                costs.add(new LineCost(session, line, charge, allowed, ded, copay, coins, share, balance,
                        allowed.minus(share)));
            }
        }
        return costs;
    }

    private static Money charge(PricedLine line) {
        return line.chargePerUnit().times(units(line));
    }

    private static BigDecimal units(PricedLine line) {
        return BigDecimal.valueOf(line.unitsPerSession());
    }
}

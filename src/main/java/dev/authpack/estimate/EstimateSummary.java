package dev.authpack.estimate;

import dev.authpack.core.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/** Adds rounded line costs up into sessions, lines and totals; never rounds again. */
final class EstimateSummary {

    private EstimateSummary() {
    }

    static Estimate of(int sessions, List<PricedLine> lines, List<LineCost> costs) {
        List<SessionCost> perSession = new ArrayList<>();
        for (int s = 1; s <= sessions; s++) {
            int session = s;
            List<LineCost> in = select(costs, c -> c.session() == session);
            perSession.add(new SessionCost(session, sum(in, LineCost::patient), sum(in, LineCost::plan),
                    sum(in, LineCost::charge), sum(in, LineCost::allowed), sum(in, LineCost::balance)));
        }
        List<LineSummary> summaries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            PricedLine line = lines.get(i);
            int index = i;
            // costs run session by session, line by line: position (not code, which may repeat) identifies a line
            List<LineCost> of = IntStream.range(0, costs.size())
                    .filter(k -> k % lines.size() == index).mapToObj(costs::get).toList();
            LineCost first = of.get(0);
            summaries.add(new LineSummary(line.code(), line.description(), line.unitsPerSession(),
                    line.chargePerUnit(), first.charge(), first.allowed(), sum(of, LineCost::charge),
                    sum(of, LineCost::allowed), sum(of, LineCost::patient), sum(of, LineCost::plan)));
        }
        EstimateTotals totals = new EstimateTotals(sum(costs, LineCost::charge), sum(costs, LineCost::allowed),
                sum(costs, LineCost::patient), sum(costs, LineCost::plan), sum(costs, LineCost::balance));
        return new Estimate(sessions, totals, perSession, summaries, List.of());
    }

    private static List<LineCost> select(List<LineCost> costs, Predicate<LineCost> which) {
        return costs.stream().filter(which).toList();
    }

    private static Money sum(List<LineCost> costs, Function<LineCost, Money> amount) {
        return costs.stream().map(amount).reduce(Money.ZERO, Money::plus);
    }
}

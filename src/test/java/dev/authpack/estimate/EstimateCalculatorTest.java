package dev.authpack.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.core.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EstimateCalculatorTest {

    private final EstimateCalculator calculator = new EstimateCalculator();

    private static final PricedLine G2083 = line("G2083", 1, "1450.00", "1289.82");

    static Stream<Arguments> courses() {
        return Stream.of(
                // name, benefits, sessions, lines, charges, allowed, patient, plan, balance
                Arguments.of("worked example of the contract", insured(true, "1500.00", "20", "0", "4000.00"), 8,
                        List.of(G2083), "11600.00", "10318.56", "3263.69", "7054.87", "0.00"),
                Arguments.of("out-of-pocket cap reached mid-course", insured(true, "1500.00", "20", "0", "1600.00"), 8,
                        List.of(G2083), "11600.00", "10318.56", "1600.00", "8718.56", "0.00"),
                Arguments.of("cap reached between two lines of one session", insured(true, "0", "20", "0", "50.00"), 1,
                        List.of(line("90791", 1, "200.00", null), line("99213", 1, "200.00", null)),
                        "400.00", "400.00", "50.00", "350.00", "0.00"),
                Arguments.of("deductible already met, no cap", insured(true, "0", "20", "0", null), 8,
                        List.of(G2083), "11600.00", "10318.56", "2063.68", "8254.88", "0.00"),
                Arguments.of("copay plan", insured(true, "0", "0", "50.00", null), 4,
                        List.of(line("99214", 1, "300.00", null)), "1200.00", "1200.00", "200.00", "1000.00", "0.00"),
                Arguments.of("copay and coinsurance together", insured(true, "0", "10", "25.00", null), 2,
                        List.of(line("99214", 1, "200.00", null)), "400.00", "400.00", "85.00", "315.00", "0.00"),
                Arguments.of("copay is owed once per session across lines", insured(true, "0", "10", "30.00", null), 2,
                        List.of(line("99212", 1, "20.00", null), line("99214", 1, "100.00", null)),
                        "240.00", "240.00", "78.00", "162.00", "0.00"),
                Arguments.of("out of network: balance billed outside the cap", insured(false, "0", "20", "0", "300.00"),
                        2, List.of(G2083), "2900.00", "2579.64", "620.36", "2279.64", "320.36"),
                Arguments.of("line without allowed amount uses the charge", insured(true, "100.00", "20", "0", null), 1,
                        List.of(line("J3490", 1, "500.00", null)), "500.00", "500.00", "180.00", "320.00", "0.00"),
                Arguments.of("out of network without allowed amount bills no balance",
                        insured(false, "100.00", "20", "0", null), 1, List.of(line("J3490", 1, "500.00", null)),
                        "500.00", "500.00", "180.00", "320.00", "0.00"),
                Arguments.of("several lines per session, deductible spans them", insured(true, "500.00", "20", "0", null),
                        3, List.of(line("J3490", 1, "450.00", null), line("96365", 1, "150.00", null)),
                        "1800.00", "1800.00", "760.00", "1040.00", "0.00"),
                Arguments.of("self-pay (sample 03)", Benefits.selfPayOnly(), 6,
                        List.of(line("J3490", 1, "450.00", null), line("96365", 1, "150.00", null)),
                        "3600.00", "3600.00", "3600.00", "0.00", "0.00"),
                Arguments.of("self-pay ignores allowed amounts and benefits",
                        new Benefits(true, false, Money.of("100"), BigDecimal.TEN, Money.of("5"), Money.of("1")), 2,
                        List.of(line("J3490", 1, "450.00", "300.00")), "900.00", "900.00", "900.00", "0.00", "0.00"),
                Arguments.of("absent benefit figures: nothing owed, no cap", insured(true, null, null, null, null), 3,
                        List.of(G2083), "4350.00", "3869.46", "0.00", "3869.46", "0.00"),
                Arguments.of("coinsurance rounds HALF_UP, not half-even", insured(true, "0", "50", "0", null), 1,
                        List.of(line("99215", 1, "100.05", null)), "100.05", "100.05", "50.03", "50.02", "0.00"),
                Arguments.of("units multiply before coinsurance rounds", insured(true, "0", "20", "0", null), 2,
                        List.of(line("J0013", 84, "12.50", "10.01")), "2100.00", "1681.68", "336.34", "1345.34",
                        "0.00"),
                // rows found by an independent oracle over 2,000 random cases against the service
                Arguments.of("copay above the first line carries to the next line, then the cap",
                        insured(true, "0", "20", "500.00", "700.00"), 5,
                        List.of(line("99213", 1, "160.00", null), line("99214", 2, "230.00", null)),
                        "3100.00", "3100.00", "700.00", "2400.00", "0.00"),
                Arguments.of("out of network with allowed above the charge bills no negative balance",
                        insured(false, "0", "20", "0", null), 8, List.of(line("X1", 1, "100.00", "150.00")),
                        "800.00", "1200.00", "240.00", "960.00", "0.00"),
                Arguments.of("fractional coinsurance percentage rounds per line",
                        insured(true, "0", "33.333", "0", null), 8, List.of(line("X2", 1, "10.01", null)),
                        "80.08", "80.08", "26.72", "53.36", "0.00"),
                Arguments.of("a line of zero units costs nothing and takes no copay",
                        insured(true, "0", "20", "25.00", null), 2,
                        List.of(line("X3", 0, "99.00", null), line("99212", 1, "110.00", null)),
                        "220.00", "220.00", "84.00", "136.00", "0.00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("courses")
    void totalsAreSumsOfLinesRoundedToTheCent(String name, Benefits benefits, int sessions, List<PricedLine> lines,
                                              String charges, String allowed, String patient, String plan,
                                              String balance) {
        EstimateTotals totals = calculator.calculate(benefits, sessions, lines).totals();

        assertThat(totals).isEqualTo(new EstimateTotals(Money.of(charges), Money.of(allowed), Money.of(patient),
                Money.of(plan), Money.of(balance)));
    }

    @Test
    void workedExampleSplitsEachSessionAsTheContractShows() {
        Estimate estimate = calculator.calculate(insured(true, "1500.00", "20", "0", "4000.00"), 8, List.of(G2083));

        assertThat(estimate.sessions()).isEqualTo(8);
        assertThat(estimate.perSession()).extracting(s -> s.patient().toString())
                .containsExactly("1289.82", "426.11", "257.96", "257.96", "257.96", "257.96", "257.96", "257.96");
        assertThat(estimate.perSession()).extracting(s -> s.plan().toString())
                .containsExactly("0.00", "863.71", "1031.86", "1031.86", "1031.86", "1031.86", "1031.86", "1031.86");
        assertThat(estimate.perSession()).extracting(SessionCost::session).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void capReachedMidCourseLeavesLaterSessionsToThePlan() {
        Estimate estimate = calculator.calculate(insured(true, "1500.00", "20", "0", "1600.00"), 3, List.of(G2083));

        assertThat(estimate.perSession()).extracting(s -> s.patient().toString())
                .containsExactly("1289.82", "310.18", "0.00");
        assertThat(estimate.perSession()).extracting(s -> s.plan().toString())
                .containsExactly("0.00", "979.64", "1289.82");
    }

    @Test
    void outOfNetworkBalanceStillOwedAfterTheCapIsReached() {
        Estimate estimate = calculator.calculate(insured(false, "0", "20", "0", "300.00"), 2, List.of(G2083));

        assertThat(estimate.perSession()).extracting(s -> s.patient().toString()).containsExactly("418.14", "202.22");
        assertThat(estimate.perSession()).extracting(s -> s.balanceBilling().toString())
                .containsExactly("160.18", "160.18");
    }

    @Test
    void lineSummariesItemizeEachLineOverTheCourse() {
        Estimate estimate = calculator.calculate(insured(true, "500.00", "20", "0", null), 3,
                List.of(line("J3490", 1, "450.00", null), line("96365", 1, "150.00", null)));

        assertThat(estimate.lines()).extracting(LineSummary::code).containsExactly("J3490", "96365");
        LineSummary ketamine = estimate.lines().get(0);
        assertThat(ketamine.chargePerSession()).isEqualTo(Money.of("450.00"));
        assertThat(ketamine.charges()).isEqualTo(Money.of("1350.00"));
        assertThat(ketamine.patient()).isEqualTo(Money.of("630.00"));
        assertThat(estimate.lines().get(1).patient()).isEqualTo(Money.of("130.00"));
    }

    @Test
    void refusesACourseWithoutSessionsOrLines() {
        assertThatThrownBy(() -> calculator.calculate(Benefits.selfPayOnly(), 0, List.of(G2083)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calculator.calculate(Benefits.selfPayOnly(), 2, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEstimateCarriesTheCodeWarningsItIsGiven() {
        Estimate estimate = calculator.calculate(Benefits.selfPayOnly(), 1, List.of(G2083));
        List<String> warnings = List.of("S0013 was replaced by J0013 on 2026-01-01");

        assertThat(estimate.warnings()).isEmpty();
        assertThat(estimate.withWarnings(warnings).warnings()).isEqualTo(warnings);
        assertThat(estimate.withWarnings(warnings).totals()).isEqualTo(estimate.totals());
        assertThat(estimate.withWarnings(null).warnings()).isEmpty();
    }

    private static Benefits insured(boolean inNetwork, String deductible, String coinsurancePct, String copay,
                                    String oop) {
        return new Benefits(false, inNetwork, money(deductible),
                coinsurancePct == null ? null : new BigDecimal(coinsurancePct), money(copay), money(oop));
    }

    private static PricedLine line(String code, int units, String charge, String allowed) {
        return new PricedLine(code, code + " service", null, units, Money.of(charge), money(allowed));
    }

    private static Money money(String amount) {
        return amount == null ? null : Money.of(amount);
    }
}

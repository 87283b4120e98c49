package dev.authpack.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.Coverage;
import dev.authpack.casefile.PlanType;
import dev.authpack.core.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When the case page warns beside the Estimate button that the patient will show as paying $0.00 only because the
 * cost sharing is absent or zero, as a table: plan type, deductible remaining, coinsurance %, copay per session and
 * out-of-pocket remaining ({@code -} for unrecorded). Self-pay, no plan type, or an out-of-pocket remainder recorded as
 * 0 (the payer's own $0.00) are never warned of. EstimateWithoutCostSharingTest shows the warning on the page.
 */
class EstimateReadinessTest {

    private final EstimateReadiness readiness = new EstimateReadiness(new FeeSchedules(List.of()), Clock.systemUTC());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        nothing recorded                              | COMMERCIAL | -       | -  | -     | -       | NOTHING_RECORDED
        nothing recorded, out of pocket left          | MEDICARE   | -       | -  | -     | 4000.00 | NOTHING_RECORDED
        no plan type: the estimate asks for it        | -          | -       | -  | -     | -       | -
        self-pay: the patient pays the charges        | SELF_PAY   | -       | -  | -     | -       | -
        out of pocket recorded as 0: the payer's $0   | COMMERCIAL | -       | -  | -     | 0       | -
        a copay of $0.00 alone                        | COMMERCIAL | -       | -  | 0     | -       | RECORDED_AS_ZERO
        a deductible of $0.00 alone                   | COMMERCIAL | 0       | -  | -     | -       | RECORDED_AS_ZERO
        a coinsurance of 0 % alone                    | COMMERCIAL | -       | 0  | -     | -       | RECORDED_AS_ZERO
        all three zero                                | MEDICAID   | 0       | 0  | 0     | 4000.00 | RECORDED_AS_ZERO
        a deductible                                  | COMMERCIAL | 1500.00 | -  | -     | -       | -
        a deductible, the rest zero                   | COMMERCIAL | 1500.00 | 0  | 0     | -       | -
        a coinsurance                                 | COMMERCIAL | -       | 20 | -     | -       | -
        a coinsurance, the rest zero                  | COMMERCIAL | 0       | 20 | 0     | -       | -
        a copay                                       | COMMERCIAL | -       | -  | 25.00 | -       | -
        a copay, the rest zero                        | COMMERCIAL | 0       | 0  | 25.00 | -       | -
        """)
    void theEstimateIsWarnedOfOnlyForAnInsuredCaseWhoseCostSharingIsUnrecordedOrZero(String why, String planType,
            String deductible, String coinsurance, String copay, String oopRemaining, String warned) {
        Coverage coverage = new Coverage("Example Health Plan", planType.equals("-") ? null : PlanType.valueOf(planType),
                true, money(deductible), coinsurance.equals("-") ? null : new BigDecimal(coinsurance), money(copay),
                money(oopRemaining));

        assertThat(readiness.zeroShare(SampleCases.insured(coverage)).map(Enum::name).orElse("-")).isEqualTo(warned);
    }

    private static Money money(String amount) {
        return amount.equals("-") ? null : Money.of(amount);
    }
}

package dev.authpack.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.Coverage;
import dev.authpack.casefile.PlanType;
import dev.authpack.core.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The contract's defaults for benefit figures a case leaves out. */
class BenefitsTest {

    @Test
    void absentDeductibleCopayAndCoinsuranceCountAsZeroAndAbsentOutOfPocketAsNoCap() {
        Benefits b = Benefits.of(new Coverage("Plan", PlanType.COMMERCIAL, true, null, null, null, null), false);

        assertThat(b.deductibleRemaining()).isEqualTo(Money.ZERO);
        assertThat(b.copayPerSession()).isEqualTo(Money.ZERO);
        assertThat(b.coinsurancePct()).isZero();
        assertThat(b.oopRemaining()).isNull();
    }

    @Test
    void figuresGivenAreKept() {
        Benefits b = Benefits.of(new Coverage("Plan", PlanType.COMMERCIAL, false, Money.of("1500.00"),
                new BigDecimal("20"), Money.of("25.00"), Money.of("4000.00")), false);

        assertThat(b).isEqualTo(new Benefits(false, false, Money.of("1500.00"), new BigDecimal("20"),
                Money.of("25.00"), Money.of("4000.00")));
    }

    @Test
    void absentInNetworkMeansInNetwork() {
        assertThat(Benefits.of(new Coverage("Plan", PlanType.COMMERCIAL, null, null, null, null, null), false)
                .inNetwork()).isTrue();
    }

    @Test
    void selfPayOnlyIsSelfPayWithNoBenefits() {
        assertThat(Benefits.selfPayOnly()).isEqualTo(new Benefits(true, true, Money.ZERO, BigDecimal.ZERO, Money.ZERO,
                null));
    }
}

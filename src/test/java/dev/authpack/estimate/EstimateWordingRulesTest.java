package dev.authpack.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.Coverage;
import dev.authpack.core.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two things the estimate says that no figure shows: why the per-session amounts differ (the
 * deductible, the out-of-pocket maximum, or both; never a maximum the course does not reach nor a
 * deductible already met), and the provider's state, read from the end of the facility's address.
 */
class EstimateWordingRulesTest {

    @ParameterizedTest(name = "deductible left {0}, cap left {1}, patient {2} of which balance billing {3}: ''{4}''")
    @CsvSource(nullValues = "null", textBlock = """
            500,  null, 900,     0,   .deductible
            0,    null, 900,     0,   ''
            null, null, 900,     0,   ''
            0,    1000, 1000,    0,   .cap
            0,    1000, 999.99,  0,   ''
            0,    1000, 1000.01, 0,   .cap
            500,  1000, 1000,    0,   ''
            500,  1000, 999.99,  0,   .deductible
            0,    1000, 1200,    200, .cap
            0,    1000, 1199.99, 200, ''
            0,    0,    0,       0,   .cap
            """)
    void theNoteBlamesOnlyWhatTheCourseReaches(String deductibleLeft, String capLeft, String patient,
                                               String balanceBilling, String reason) {
        Coverage coverage = new Coverage("Aetna", null, true, money(deductibleLeft), null, null, money(capLeft));
        EstimateTotals totals = new EstimateTotals(Money.of("2000"), Money.of("1500"), Money.of(patient),
                Money.of("500"), Money.of(balanceBilling));

        assertThat(EstimateViews.sessionsReason(coverage, totals)).isEqualTo(reason);
    }

    @ParameterizedTest(name = "''{0}'': {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            1 Main St, Springfield, MA 01101       | MA
            1 Main St, Springfield, MA 01101-1234  | MA
            '  200 Elm Rd, Austin, TX  75001  '    | TX
            1 Main St, Springfield, ma 01101       | null
            1 Main St, Springfield, MA             | null
            1 Main St, Springfield, MA 0110        | null
            1 Main St, Springfield, MA 01101 USA   | null
            1 Main St, SpringfieldMA 01101         | null
            PO Box 12345                           | null
            null                                   | null
            """)
    void theStateIsTheTwoCapitalsBeforeTheZipCodeAtTheEnd(String address, String state) {
        assertThat(EstimateViews.state(address)).isEqualTo(state);
    }

    private static Money money(String amount) {
        return amount == null ? null : Money.of(amount);
    }
}

package dev.authpack.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.desk.ClerkInput.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way of writing an amount, a percentage, an NPI, a TIN or a phone number the form accepts, and what it refuses. */
class ClerkInputTest {

    @ParameterizedTest(name = "{0} \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
            "MONEY   | $1,500.00          | 1500.00",
            "MONEY   | 1,450              | 1450",
            "MONEY   | $1,450             | 1450",
            "MONEY   | $ 1,450.5          | 1450.5",
            "MONEY   | 1500               | 1500",
            "MONEY   | 0.99               | 0.99",
            "MONEY   | $1,234,567.89      | 1234567.89",
            "MONEY   | -5                 | -5",
            "PERCENT | 20%                | 20",
            "PERCENT | 20 %               | 20",
            "PERCENT | 20                 | 20",
            "PERCENT | 12.5%              | 12.5",
            "PERCENT | -10%               | -10",
            "PERCENT | +15 %              | 15",
            "NPI     | 1234567893         | 1234567893",
            "NPI     | 1234-567-893       | 1234567893",
            "NPI     | 1234 567 893       | 1234567893",
            "NPI     | 124-531-9599       | 1245319599",
            "NPI     | 1234567890         | 1234567890",
            "TIN     | 12-3456789         | 12-3456789",
            "TIN     | 123456789          | 12-3456789",
            "TIN     | 12 3456789         | 12-3456789",
            "PHONE   | (555) 123-4567     | 555-123-4567",
            "PHONE   | 555.123.4567       | 555-123-4567",
            "PHONE   | +1 555 123 4567    | 555-123-4567",
            "PHONE   | 1-555-123-4567     | 555-123-4567",
            "PHONE   | 5551234567         | 555-123-4567",
            "PHONE   | 555-123-4567       | 555-123-4567",
            "PHONE   | (555) 123-4567 x204 | 555-123-4567 x204",
            "PHONE   | 555-123-4567 ext. 9 | 555-123-4567 x9",
            "PHONE   | 555-0100           | 555-0100",
            "PHONE   | \uFF15\uFF15\uFF15-\uFF10\uFF11\uFF10\uFF10 | 555-0100",
            "PHONE   | (555)\u00A0123\u20114567 | 555-123-4567",
            "NPI     | \uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19\uFF13 | 1234567893",
            "TIN     | 12\u20133456789      | 12-3456789",
    })
    void acceptedAndNormalised(Kind kind, String typed, String stored) {
        ClerkInput.Result r = ClerkInput.normalise(kind, typed);

        assertThat(r.accepted()).isTrue();
        assertThat(r.value()).isEqualTo(stored);
    }

    @ParameterizedTest(name = "{0} \"{1}\" refused")
    @CsvSource(delimiter = '|', value = {
            "MONEY   | 1,45",
            "MONEY   | 1.500,00",
            "MONEY   | $",
            "MONEY   | fifteen hundred",
            "MONEY   | 1500 USD",
            "MONEY   | $1,500.00.00",
            "PERCENT | %",
            "PERCENT | 20%%",
            "PERCENT | twenty",
            "PERCENT | 20 percent",
            "NPI     | 123456789",
            "NPI     | 12345678901",
            "NPI     | 1234-567-89O",
            "NPI     | NPI 1234567893",
            "TIN     | 12-345678",
            "TIN     | 12-34567890",
            "TIN     | AB-3456789",
            "PHONE   | 555-123-456",
            "PHONE   | 555 123 45678",
            "PHONE   | +44 20 7946 0958",
            "PHONE   | (055) 123-4567",
            "PHONE   | call the front desk",
            "PHONE   | 555-CALL-NOW",
            "PHONE   | 555\u200B-0100",
            "NPI     | 1234567893\u200F",
    })
    void refusedWithTheWayToWriteIt(Kind kind, String typed) {
        ClerkInput.Result r = ClerkInput.normalise(kind, typed);

        assertThat(r.accepted()).isFalse();
        assertThat(r.refusal()).isEqualTo("input." + kind.name().toLowerCase());
    }

    @Test
    void blankStaysBlankForTheDraft() {
        for (Kind kind : Kind.values()) {
            assertThat(ClerkInput.normalise(kind, "   ").value()).isEmpty();
        }
    }

    @Test
    void fieldsAreFoundWhateverTheirRow() {
        assertThat(ClerkInput.kindOf("request.lines[3].chargePerUnit")).contains(Kind.MONEY);
        assertThat(ClerkInput.kindOf("medicationTrials[0].adherencePct")).contains(Kind.PERCENT);
        assertThat(ClerkInput.kindOf("prescriber.consultingPsychiatrist.npi")).contains(Kind.NPI);
        assertThat(ClerkInput.kindOf("patient.memberId")).isEmpty();
    }
}

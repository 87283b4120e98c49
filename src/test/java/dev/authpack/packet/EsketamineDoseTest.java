package dev.authpack.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.BillingLine;
import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.Treatment;
import dev.authpack.casefile.TreatmentRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dose the letter's plan states, as a table: the case's billing lines ({@code code:units}, {@code -} for none)
 * and the dose and code read from them ({@code -}: the letter states no dose). Esketamine's J0013 (S0013 before
 * 2026) is billed per mg, so its units are the dose and win over G2082/G2083, which say only "up to" or "more
 * than" 56 mg; nothing is read for another treatment or from a line without units. No PDF: PacketLetterPlanTest
 * reads the sentence back from the letter.
 */
class EsketamineDoseTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        per mg under J0013                          | ESKETAMINE  | J0013:56             | 56 mg           | J0013
        per mg under S0013, before 2026             | ESKETAMINE  | S0013:84             | 84 mg           | S0013
        one mg is a dose                            | ESKETAMINE  | J0013:1              | 1 mg            | J0013
        the code as typed, any case                 | ESKETAMINE  | j0013:84             | 84 mg           | J0013
        other lines before it are passed over       | ESKETAMINE  | 99213:1 J0013:84     | 84 mg           | J0013
        per mg wins over G2083 listed first         | ESKETAMINE  | G2083:1 J0013:84     | 84 mg           | J0013
        more than 56 mg                             | ESKETAMINE  | G2083:1              | more than 56 mg | G2083
        up to 56 mg                                 | ESKETAMINE  | G2082:1              | up to 56 mg     | G2082
        J0013 with 0 units gives no dose            | ESKETAMINE  | J0013:0 G2082:1      | up to 56 mg     | G2082
        J0013 without units gives no dose           | ESKETAMINE  | J0013:- G2083:1      | more than 56 mg | G2083
        a line without a code is passed over        | ESKETAMINE  | null:1 G2082:1       | up to 56 mg     | G2082
        J0013 with 0 units alone: none              | ESKETAMINE  | J0013:0              | -               | -
        IV ketamine's J3490 is not milligrams       | ESKETAMINE  | J3490:50             | -               | -
        no lines                                    | ESKETAMINE  | -                    | -               | -
        IV ketamine: none, whatever the codes       | KETAMINE_IV | J0013:56 G2083:1     | -               | -
        no treatment: none                          | null        | J0013:56             | -               | -
        """)
    void theDoseIsTheUnitsOfAPerMgLineElseWhatG2082OrG2083SaysAndNothingForAnotherTreatment(
            String why, String treatment, String lines, String amount, String code) {
        List<BillingLine> billed = new ArrayList<>();
        if (!lines.equals("-")) {
            for (String line : lines.split(" ")) {
                String[] parts = line.split(":");
                billed.add(new BillingLine(parts[0].equals("null") ? null : parts[0], null,
                        parts[1].equals("-") ? null : Integer.valueOf(parts[1]), null, null));
            }
        }
        CaseData data = new CaseData(null, null, null, null, null, null, null, null, null, null, new TreatmentRequest(
                treatment.equals("null") ? null : Treatment.valueOf(treatment), null, null, 8, null, billed));

        assertThat(EsketamineDose.of(data).map(d -> d.amount() + " | " + d.code()).orElse("- | -"))
                .isEqualTo(amount + " | " + code);
    }
}

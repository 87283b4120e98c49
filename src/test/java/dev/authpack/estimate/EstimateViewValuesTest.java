package dev.authpack.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.casefile.CaseData;
import dev.authpack.core.Money;
import dev.authpack.support.Samples;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the estimate document says, from its view model (no PDF): dates in the document's language,
 * each line's words in Spanish where the fee schedule has them, whether the sessions differ, the
 * average per session, the benefits as the patient reads them (no copay sentence for a copay of zero),
 * out of network only for an insured patient. Sample 01 (Dana Reyes), changed one field at a time.
 */
class EstimateViewValuesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final PricedLine G2083 = new PricedLine("G2083", "Esketamine >56 mg", "Esketamina >56 mg", 1,
            Money.of("1450.00"), Money.of("1289.82"));
    private static final PricedLine CLINIC_WORDS = new PricedLine("99213", "Visit, as the clinic wrote it", null, 1,
            Money.of("120.00"), Money.of("90.00"));

    @Test
    void theSampleEstimateInEnglish() {
        CaseData data = data(Samples.tree("01-complete-esketamine"));
        Estimate estimate = estimate(data, 8);

        EstimateView view = EstimateViews.of(data, List.of(G2083, CLINIC_WORDS), estimate, "MDD, recurrent, severe",
                Locale.ENGLISH, TODAY, "north-2026");

        assertThat(view.generatedOn()).isEqualTo("November 20, 2026");
        assertThat(view.patient()).isEqualTo(new EstimateView.Person("Dana Reyes", "March 14, 1979", "Example Health Plan",
                "XJH123456789"));
        assertThat(view.provider().state()).isEqualTo("MA");
        assertThat(view.diagnosis()).isEqualTo(new EstimateView.Diagnosis("F33.2", "MDD, recurrent, severe"));
        assertThat(view.service()).isEqualTo(new EstimateView.Service("ESKETAMINE", "November 30, 2026", 8, true));
        assertThat(view.lines()).extracting(EstimateView.Line::description)
                .containsExactly("Esketamine >56 mg", "Visit, as the clinic wrote it");
        assertThat(view.selfPay()).isFalse();
        assertThat(view.outOfNetwork()).isFalse();
        assertThat(view.sessionsDiffer()).as("the deductible is paid off over the first sessions").isTrue();
        assertThat(view.perSession()).hasSize(8);
        assertThat(view.perSession().get(0)).isEqualTo(new EstimateView.Session(1,
                estimate.perSession().get(0).patient().formatted(), estimate.perSession().get(0).plan().formatted()));
        assertThat(view.totals().averagePerSession()).isEqualTo(Money.of(estimate.totals().patient().amount()
                .divide(BigDecimal.valueOf(8), 2, RoundingMode.HALF_UP)).formatted());
        assertThat(view.benefits().coinsurancePct()).isEqualTo("20%");
        assertThat(view.benefits().copayPerSession()).as("a copay of zero is no copay").isNull();
        assertThat(view.benefits().deductibleRemaining()).isEqualTo(Money.of("1500").formatted());
        assertThat(view.benefits().oopRemaining()).isEqualTo(Money.of("4000").formatted());
        assertThat(view.feeSchedule()).isEqualTo("north-2026");
    }

    @Test
    void inSpanishTheDatesAndTheSchedulesWordsAreSpanishAndTheClinicsOwnStayAsWritten() {
        CaseData data = data(Samples.tree("01-complete-esketamine"));

        EstimateView view = EstimateViews.of(data, List.of(G2083, CLINIC_WORDS), estimate(data, 8), null,
                Locale.forLanguageTag("es"), TODAY, "north-2026");

        assertThat(view.generatedOn()).isEqualTo("20 de noviembre de 2026");
        assertThat(view.lines()).extracting(EstimateView.Line::description)
                .containsExactly("Esketamina >56 mg", "Visit, as the clinic wrote it");
    }

    @Test
    void oneSessionOrEqualSessionsSayNothingOfDifferences() {
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        ((ObjectNode) tree.get("coverage")).put("deductibleRemaining", 0).put("copayPerSession", 25)
                .remove("oopRemaining");
        CaseData data = data(tree);

        EstimateView eight = EstimateViews.of(data, List.of(G2083, CLINIC_WORDS), estimate(data, 8), null,
                Locale.ENGLISH, TODAY, null);
        EstimateView one = EstimateViews.of(data, List.of(G2083, CLINIC_WORDS), estimate(data, 1), null,
                Locale.ENGLISH, TODAY, null);

        assertThat(eight.sessionsDiffer()).isFalse();
        assertThat(eight.service().multipleSessions()).isTrue();
        assertThat(one.service().multipleSessions()).isFalse();
        assertThat(eight.benefits().copayPerSession()).isEqualTo(Money.of("25").formatted());
        assertThat(eight.benefits().oopRemaining()).isNull();
    }

    @Test
    void outOfNetworkIsSaidOnlyOfAnInsuredPatient() {
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        ((ObjectNode) tree.get("coverage")).put("inNetwork", false);
        CaseData outside = data(tree);
        ((ObjectNode) tree.get("coverage")).put("planType", "SELF_PAY");
        CaseData selfPay = data(tree);

        assertThat(EstimateViews.of(outside, List.of(G2083, CLINIC_WORDS), estimate(outside, 8), null, Locale.ENGLISH,
                TODAY, null).outOfNetwork()).isTrue();
        EstimateView selfPaid = EstimateViews.of(selfPay, List.of(G2083, CLINIC_WORDS), estimate(selfPay, 8), null,
                Locale.ENGLISH, TODAY, null);
        assertThat(selfPaid.outOfNetwork()).isFalse();
        assertThat(selfPaid.selfPay()).isTrue();
    }

    @Test
    void aPatientWithoutANameOrBirthDateHasNone() {
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        ((ObjectNode) tree.get("patient")).put("firstName", " ").remove(List.of("lastName", "dateOfBirth"));
        ((ObjectNode) tree.get("request")).remove("startDate");
        ((ObjectNode) tree.get("facility")).put("address", "  ");
        CaseData data = data(tree);

        EstimateView view = EstimateViews.of(data, List.of(G2083, CLINIC_WORDS), estimate(data, 8), null, Locale.ENGLISH,
                TODAY, null);

        assertThat(view.patient().name()).isNull();
        assertThat(view.patient().dateOfBirth()).isNull();
        assertThat(view.service().scheduledDate()).isNull();
        assertThat(view.provider().address()).isNull();
        assertThat(view.provider().state()).isNull();
    }

    @Test
    void linesThatAreNotTheEstimatesAreRefused() {
        CaseData data = data(Samples.tree("01-complete-esketamine"));

        assertThatThrownBy(() -> EstimateViews.of(data, List.of(G2083), estimate(data, 8), null, Locale.ENGLISH, TODAY,
                null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Estimate estimate(CaseData data, int sessions) {
        return new EstimateCalculator().calculate(Benefits.of(data.coverage(), data.selfPay()), sessions,
                List.of(G2083, CLINIC_WORDS));
    }

    private static CaseData data(ObjectNode tree) {
        return JSON.readValue(Samples.json(tree), CaseData.class);
    }
}

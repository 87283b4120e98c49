package dev.authpack.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.BillingLine;
import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.TreatmentRequest;
import dev.authpack.core.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** From a case's request to a priced course: the fee schedule fills in charges the lines leave out. */
class CoursePricingTest {

    private static final Clock DEC_2026 = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate Y2025 = LocalDate.of(2025, 1, 1);
    private static final LocalDate Y2026 = LocalDate.of(2026, 1, 1);

    private final FeeSchedules schedules = new FeeSchedules(List.of(new FeeSchedule("clinic", "1", "Clinic", Y2025,
            null, List.of(
                    new FeeEntry("G2083", "Esketamine > 56 mg, supervised", null, Money.of("1450.00"), Y2025, null,
                            null),
                    new FeeEntry("S0013", "Esketamine, 1 mg", null, Money.of("10.00"), Y2025, Y2026.minusDays(1),
                            "J0013"),
                    new FeeEntry("J0013", "Esketamine nasal spray, 1 mg", "Esketamina en aerosol nasal, 1 mg",
                            Money.of("11.00"), Y2026, null, null)))));
    private final CoursePricing pricing = new CoursePricing(schedules, DEC_2026);

    @ParameterizedTest(name = "{0} on {1}: {2} per unit")
    @CsvSource({"S0013, 2025-12-31, 10.00", "J0013, 2026-01-01, 11.00", "j0013 , 2026-11-30, 11.00",
            "G2083, 2026-11-30, 1450.00"})
    void aLineWithoutAChargeTakesTheScheduleChargeOnTheStartDate(String code, LocalDate start, String charge) {
        CaseData data = request(start, 8, new BillingLine(code, null, 56, null, null));

        assertThat(pricing.missing(data)).isEmpty();
        assertThat(pricing.price(data).lines()).singleElement()
                .satisfies(l -> assertThat(l.chargePerUnit()).isEqualTo(Money.of(charge)));
    }

    @Test
    void aChargeOnTheLineWinsOverTheSchedule() {
        CaseData data = request(LocalDate.of(2026, 11, 30), 8,
                new BillingLine("G2083", "Esketamine", 1, Money.of("1500.00"), Money.of("1289.82")));

        PricedLine line = pricing.price(data).lines().get(0);

        assertThat(line).isEqualTo(new PricedLine("G2083", "Esketamine", null, 1, Money.of("1500.00"),
                Money.of("1289.82")));
    }

    /** Only the schedule's own wording carries its Spanish version: the clinic's words have none. */
    @Test
    void aLineWithoutADescriptionTakesTheSchedulesWordingInBothLanguages() {
        LocalDate start = LocalDate.of(2026, 11, 30);

        PricedLine fromSchedule = pricing.price(request(start, 8, new BillingLine("J0013", null, 56, null, null)))
                .lines().get(0);
        PricedLine typed = pricing.price(request(start, 8, new BillingLine("J0013", "Spravato 56 mg", 56, null, null)))
                .lines().get(0);

        assertThat(fromSchedule.description()).isEqualTo("Esketamine nasal spray, 1 mg");
        assertThat(fromSchedule.descriptionEs()).isEqualTo("Esketamina en aerosol nasal, 1 mg");
        assertThat(typed.description()).isEqualTo("Spravato 56 mg");
        assertThat(typed.descriptionEs()).isNull();
    }

    @Test
    void withoutAStartDateTheLinesArePricedAsOfToday() {
        CaseData retired = request(null, 8, new BillingLine("S0013", null, 56, null, null));
        CaseData current = request(null, 8, new BillingLine("J0013", null, 56, null, null));

        assertThat(pricing.pricingDate(retired)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(pricing.missing(retired)).containsExactly("request.lines[0].chargePerUnit");
        assertThat(pricing.price(current).lines().get(0).chargePerUnit()).isEqualTo(Money.of("11.00"));
    }

    @Test
    void theStartDateDecidesThePricingDate() {
        assertThat(pricing.pricingDate(request(LocalDate.of(2027, 2, 1), 8))).isEqualTo(LocalDate.of(2027, 2, 1));
    }

    @Test
    void missingNamesTheSessionsTheLinesAndEachLineWithoutACharge() {
        LocalDate start = LocalDate.of(2026, 11, 30);
        BillingLine priced = new BillingLine("X1", null, 1, Money.of("5.00"), null);
        BillingLine unknown = new BillingLine("X9999", null, 1, null, null);
        BillingLine retired = new BillingLine("S0013", null, 56, null, null);

        assertThat(pricing.missing(request(start, 8, priced))).isEmpty();
        assertThat(pricing.missing(request(start, 1, priced))).isEmpty();
        assertThat(pricing.missing(request(start, null, priced))).containsExactly("request.sessions");
        assertThat(pricing.missing(request(start, 0, priced))).containsExactly("request.sessions");
        assertThat(pricing.missing(request(start, 8))).containsExactly("request.lines");
        assertThat(pricing.missing(request(start, null))).containsExactly("request.sessions", "request.lines");
        assertThat(pricing.missing(request(start, 8, priced, unknown, retired)))
                .containsExactly("request.lines[1].chargePerUnit", "request.lines[2].chargePerUnit");
    }

    /**
     * Without a plan type the estimate cannot tell an insured patient from a self-pay one: priced as
     * insured with no benefit figures, it told the patient "you will likely pay $0.00", and a self-pay
     * patient got no Good Faith Estimate.
     */
    @Test
    void missingNamesThePlanTypeWithoutWhichInsuredAndSelfPayCannotBeTold() {
        CaseData insured = request(LocalDate.of(2026, 11, 30), 8, new BillingLine("G2083", null, 1, null, null));
        CaseData noPlanType = new CaseData(insured.policyId(), insured.patient(), null, insured.prescriber(),
                insured.facility(), insured.diagnosis(), insured.assessments(), insured.medicationTrials(),
                insured.psychotherapy(), insured.screening(), insured.request());

        assertThat(pricing.missing(insured)).isEmpty();
        assertThat(pricing.missing(noPlanType)).containsExactly("coverage.planType");
        assertThat(new EstimateReadiness(schedules, DEC_2026).missing(noPlanType)).containsExactly("coverage.planType");
    }

    @Test
    void readinessRefusesByTheSameRuleAsThePricing() {
        EstimateReadiness readiness = new EstimateReadiness(schedules, DEC_2026);

        assertThat(readiness.missing(request(null, null, new BillingLine("S0013", null, 56, null, null))))
                .containsExactly("request.sessions", "request.lines[0].chargePerUnit");
        assertThat(readiness.missing(request(null, 2, new BillingLine("J0013", null, 56, null, null)))).isEmpty();
    }

    @Test
    void aLineWithoutADescriptionTakesTheSchedulesAndKeepsItsOwnOtherwise() {
        LocalDate start = LocalDate.of(2026, 11, 30);
        CaseData data = request(start, 8,
                new BillingLine("G2083", null, 1, Money.of("1500.00"), null),
                new BillingLine("G2083", "  ", 1, null, null),
                new BillingLine("G2083", "Spravato 84 mg", 1, null, null),
                new BillingLine("X1", null, 1, Money.of("5.00"), null));

        assertThat(pricing.price(data).lines()).extracting(PricedLine::description).containsExactly(
                "Esketamine > 56 mg, supervised", "Esketamine > 56 mg, supervised", "Spravato 84 mg", null);
    }

    @Test
    void anAbsentUnitCountMeansOneUnitPerSession() {
        CaseData data = request(LocalDate.of(2026, 11, 30), 8, new BillingLine("J0013", null, null, null, null),
                new BillingLine("J0013", null, 84, null, null), new BillingLine("J0013", null, 0, null, null));

        assertThat(pricing.price(data).lines()).extracting(PricedLine::unitsPerSession).containsExactly(1, 84, 0);
    }

    @Test
    void theCourseCarriesTheSessionsAndTheCaseBenefits() {
        PricedCourse insured = pricing.price(SampleCases.sample01());
        PricedCourse selfPay = pricing.price(SampleCases.sample03());

        assertThat(insured.sessions()).isEqualTo(8);
        assertThat(insured.benefits()).isEqualTo(new Benefits(false, true, Money.of("1500.00"), new BigDecimal("20"),
                Money.of("0"), Money.of("4000.00")));
        assertThat(selfPay.sessions()).isEqualTo(6);
        assertThat(selfPay.benefits().selfPay()).isTrue();
        assertThat(selfPay.lines()).extracting(PricedLine::code).containsExactly("J3490", "96365");
    }

    private static CaseData request(LocalDate start, Integer sessions, BillingLine... lines) {
        return SampleCases.withRequest(SampleCases.sample01(),
                new TreatmentRequest(null, null, start, sessions, null, Arrays.asList(lines)));
    }
}

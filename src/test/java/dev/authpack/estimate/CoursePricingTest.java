package dev.authpack.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.BillingLine;
import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.TreatmentRequest;
import dev.authpack.core.Money;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CoursePricingTest {

    private static final Clock DEC_2026 = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private final CoursePricing pricing = new CoursePricing(new FeeSchedules(Path.of("templates")), DEC_2026);

    static Stream<Arguments> incompleteRequests() {
        BillingLine priced = new BillingLine("G2083", null, 1, Money.of("1450.00"), null);
        BillingLine unknownUnpriced = new BillingLine("X9999", null, 1, null, null);
        BillingLine retiredUnpriced = new BillingLine("S0013", null, 84, null, null);
        return Stream.of(
                Arguments.of(request(null, List.of(priced)), List.of("request.sessions")),
                Arguments.of(request(0, List.of(priced)), List.of("request.sessions")),
                Arguments.of(request(8, List.of()), List.of("request.lines")),
                Arguments.of(request(null, List.of()), List.of("request.sessions", "request.lines")),
                Arguments.of(request(8, List.of(priced, unknownUnpriced)), List.of("request.lines[1].chargePerUnit")),
                Arguments.of(request(8, List.of(retiredUnpriced)), List.of("request.lines[0].chargePerUnit")),
                Arguments.of(request(8, List.of(priced)), List.of()));
    }

    @ParameterizedTest
    @MethodSource("incompleteRequests")
    void namesWhatTheEstimateCannotDoWithout(TreatmentRequest request, List<String> missing) {
        assertThat(pricing.missing(caseWith(request))).isEqualTo(missing);
    }

    @Test
    void lineWithoutChargeTakesTheScheduleChargeAndDescriptionOnTheStartDate() {
        CaseData data = caseWith(new TreatmentRequest(null, null, LocalDate.of(2026, 11, 30), 8, null,
                List.of(new BillingLine("j0013", null, 84, null, null))));

        PricedLine line = pricing.price(data).lines().get(0);

        assertThat(line.chargePerUnit()).isEqualTo(Money.of("12.50"));
        assertThat(line.description()).isEqualTo("Esketamine nasal spray, 1 mg");
        assertThat(line.unitsPerSession()).isEqualTo(84);
    }

    @Test
    void chargeGivenInTheCaseWinsOverTheSchedule() {
        CaseData data = caseWith(request(8, List.of(new BillingLine("G2083", "Mine", 1, Money.of("999.99"), null))));

        PricedLine line = pricing.price(data).lines().get(0);

        assertThat(line.chargePerUnit()).isEqualTo(Money.of("999.99"));
        assertThat(line.description()).isEqualTo("Mine");
    }

    @Test
    void absentUnitsBillOneUnit() {
        CaseData data = caseWith(request(8, List.of(new BillingLine("G2083", null, null, Money.of("10.00"), null))));

        assertThat(pricing.price(data).lines().get(0).unitsPerSession()).isEqualTo(1);
    }

    private static TreatmentRequest request(Integer sessions, List<BillingLine> lines) {
        return new TreatmentRequest(null, null, null, sessions, null, lines);
    }

    private static CaseData caseWith(TreatmentRequest request) {
        return SampleCases.withRequest(SampleCases.sample01(), request);
    }
}

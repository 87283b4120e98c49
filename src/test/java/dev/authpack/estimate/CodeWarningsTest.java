package dev.authpack.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.BillingLine;
import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.Coverage;
import dev.authpack.casefile.PlanType;
import dev.authpack.casefile.TreatmentRequest;
import dev.authpack.core.Money;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeWarningsTest {

    private static final Clock DEC_2026 = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private final CodeWarnings warnings = new CodeWarnings(new FeeSchedules(Path.of("templates")), DEC_2026);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "S0013 | 2026-01-01 | S0013 was replaced by J0013 on 2026-01-01",
            "S0013 | 2026-11-30 | S0013 was replaced by J0013 on 2026-01-01",
            "S0013 | 2025-12-31 | ",
            "J0013 | 2025-12-31 | J0013 is not valid before 2026-01-01",
            "J0013 | 2026-01-01 | ",
            "G2083 | 2026-11-30 | ",
            "X9999 | 2026-11-30 | "})
    void warnsAboutCodesNotValidOnTheStartDate(String code, LocalDate start, String expected) {
        List<String> found = warnings.warningsFor(caseWith(start, code));

        assertThat(found).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @Test
    void withoutAStartDateJudgesTheCodesAsOfToday() {
        assertThat(warnings.warningsFor(caseWith(null, "S0013", "s0013", "G2083")))
                .containsExactly("S0013 was replaced by J0013 on 2026-01-01");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024-06-01 | ",
            "2025-06-30 | ",
            "2025-07-01 | X1 was replaced by Y1 on 2025-07-01",
            "2023-12-31 | X1 is not valid before 2024-01-01"})
    void aCodeRetiredMoreThanOnceIsJudgedByItsLatestRetirement(LocalDate start, String expected) {
        LocalDate y2024 = LocalDate.of(2024, 1, 1);
        CodeWarnings twice = new CodeWarnings(new FeeSchedules(List.of(new FeeSchedule("clinic", "1", "Clinic", y2024,
                null, List.of(
                        new FeeEntry("X1", "test code", null, Money.of("9.00"), y2024, LocalDate.of(2024, 12, 31),
                                null),
                        new FeeEntry("X1", "test code", null, Money.of("10.00"), LocalDate.of(2025, 1, 1),
                                LocalDate.of(2025, 6, 30), "Y1"))))),
                DEC_2026);

        assertThat(twice.warningsFor(caseWith(start, "X1"))).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELF_PAY   | 2026-11-30 | true",
            "SELF_PAY   | 2024-02-29 | true",
            "SELF_PAY   | 2026-12-01 | false",
            "SELF_PAY   | 2026-12-02 | false",
            "SELF_PAY   |            | false",
            "COMMERCIAL | 2026-11-30 | false",
            "MEDICAID   | 2024-02-29 | false"})
    void aGoodFaithEstimateForAStartDateAlreadyPastIsFlagged(PlanType plan, LocalDate start, boolean warned) {
        List<String> found = warnings.warningsFor(caseWith(plan, start, "X9999")); // a code no schedule knows: no code warning

        if (warned) {
            assertThat(found).containsExactly("The start date " + start + " has passed: a Good Faith Estimate is given"
                    + " before the service (within 1 business day of scheduling, 3 when it is scheduled 10 or more days"
                    + " ahead)");
        } else {
            assertThat(found).isEmpty();
        }
    }

    private static CaseData caseWith(LocalDate start, String... codes) {
        return caseWith(null, start, codes);
    }

    private static CaseData caseWith(PlanType plan, LocalDate start, String... codes) {
        List<BillingLine> lines = java.util.Arrays.stream(codes)
                .map(c -> new BillingLine(c, null, 56, null, null)).toList();
        Coverage coverage = new Coverage(null, plan, null, null, null, null, null);
        return new CaseData(null, null, coverage, null, null, null, null, null, null, null,
                new TreatmentRequest(null, null, start, 8, null, lines));
    }
}

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

    private static CaseData caseWith(LocalDate start, String... codes) {
        List<BillingLine> lines = java.util.Arrays.stream(codes)
                .map(c -> new BillingLine(c, null, 56, null, null)).toList();
        return new CaseData(null, null, null, null, null, null, null, null, null, null,
                new TreatmentRequest(null, null, start, 8, null, lines));
    }
}

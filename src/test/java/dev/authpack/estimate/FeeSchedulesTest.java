package dev.authpack.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.core.Money;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeeSchedulesTest {

    private static final FeeSchedules SHIPPED = new FeeSchedules(Path.of("templates"));

    @ParameterizedTest
    @ValueSource(strings = {"G2082", "G2083", "J0013", "J3490", "96365", "96366", "90791", "90792", "99212",
            "99213", "99214", "99215"})
    void shippedScheduleChargesEveryCodeTheProductBills(String code) {
        assertThat(SHIPPED.entryOn(code, LocalDate.of(2026, 11, 30)))
                .hasValueSatisfying(e -> assertThat(e.charge().isPositive()).isTrue());
    }

    @ParameterizedTest
    @CsvSource({"S0013, 2025-12-31, true", "S0013, 2026-01-01, false", "J0013, 2025-12-31, false",
            "J0013, 2026-01-01, true", "s0013, 2025-06-01, true"})
    void entriesApplyOnlyWithinTheirDates(String code, LocalDate date, boolean charged) {
        assertThat(SHIPPED.entryOn(code, date).isPresent()).isEqualTo(charged);
    }

    @Test
    void shippedChargeIsReadAsMoney() {
        assertThat(SHIPPED.entryOn("G2083", LocalDate.of(2026, 11, 30)).orElseThrow().charge())
                .isEqualTo(Money.of("1450.00"));
    }

    private static final String HEAD = "id: x\nversion: '1'\neffectiveFrom: 2026-01-01\n";

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("version: '1'\neffectiveFrom: 2026-01-01\nentries: [{code: G2083, charge: 1, effectiveFrom: 2026-01-01}]",
                        "id is required"),
                Arguments.of(HEAD + "entries: []", "entries must list"),
                Arguments.of(HEAD + "version: '2'\nentries: [{code: G2083, charge: 1, effectiveFrom: 2026-01-01}]",
                        "line 4"),
                Arguments.of(HEAD + "entries: [{code: G2083, charge: -1, effectiveFrom: 2026-01-01}]",
                        "charge must be an amount"),
                Arguments.of(HEAD + "entries: [{code: G2083, charge: 1.005, effectiveFrom: 2026-01-01}]",
                        "more than 2 decimals"),
                Arguments.of(HEAD + "entries: [{code: G2083, charge: 1}]", "effectiveFrom is required"),
                Arguments.of(HEAD + "entries: [{code: G2083, charge: 1, effectiveFrom: 2026-01-01, effectiveTo: 2025-01-01}]",
                        "effectiveTo is before"),
                Arguments.of(HEAD + "entries: [{code: G2083, charge: 1, effectiveFrom: 2026-01-01},"
                        + " {code: g2083, charge: 2, effectiveFrom: 2026-06-01}]", "second charge"),
                Arguments.of(HEAD + "entries: [{code: G2083, cost: 1, effectiveFrom: 2026-01-01}]", "cost"),
                Arguments.of("id: x\nversion: '1'\neffectiveFrom: not-a-date\nentries: []", "not-a-date"),
                Arguments.of("just text", "fee schedule"));
    }

    @ParameterizedTest
    @MethodSource("brokenFiles")
    void badFileStopsStartUpNamingItsPath(String yaml, String problem, @TempDir Path templates) throws IOException {
        Path folder = Files.createDirectories(templates.resolve("fee-schedules"));
        Path file = Files.writeString(folder.resolve("broken.yaml"), yaml);

        assertThatThrownBy(() -> new FeeSchedules(templates))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining(problem);
    }

    @Test
    void missingFolderStopsStartUp(@TempDir Path templates) {
        assertThatThrownBy(() -> new FeeSchedules(templates))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fee-schedules");
    }
}

package dev.authpack.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.content.TemplateException;
import dev.authpack.core.Money;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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

    /** Spanish estimates print the schedule's Spanish wording: every shipped entry has its own. */
    @Test
    void everyShippedEntryHasASpanishDescription() {
        List<FeeEntry> entries = new FeeScheduleLoader().load(Path.of("templates", "fee-schedules")).stream()
                .flatMap(s -> s.entries().stream()).toList();

        assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(e.descriptionEs()).as(e.code())
                .isNotBlank().isNotEqualTo(e.description()));
        assertThat(SHIPPED.entryOn("J0013", LocalDate.of(2026, 11, 30)).orElseThrow().descriptionEs())
                .isEqualTo("Esketamina en aerosol nasal, 1 mg");
    }

    @Test
    void entryWithoutASpanishDescriptionLoads(@TempDir Path templates) throws IOException {
        Path folder = Files.createDirectories(templates.resolve("fee-schedules"));
        Files.writeString(folder.resolve("clinic.yaml"), HEAD + """
                entries:
                  - {code: G2083, description: "Esketamine over 56 mg", charge: 1, effectiveFrom: 2026-01-01}
                """);

        FeeEntry entry = new FeeSchedules(templates).entryOn("G2083", LocalDate.of(2026, 3, 1)).orElseThrow();

        assertThat(entry.description()).isEqualTo("Esketamine over 56 mg");
        assertThat(entry.descriptionEs()).isNull();
    }

    /** The Spanish member is read as strictly as the rest: a mistake in it is named with its key and line. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "misspelt Spanish key     | '    descriptionEs: Esketamina de más de 56 mg' | '    descripcionEs: Esketamina de más de 56 mg' | at entries[1].descripcionEs: unknown key 'descripcionEs' (line 20)",
        "empty Spanish text       | 'descriptionEs: Esketamina de más de 56 mg, autoadministración supervisada, 2 h de observación' | 'descriptionEs: \"  \"' | at entries[1].descriptionEs: descriptionEs is empty: write the Spanish description or leave the key out (line 20)",
        "Spanish key with no text | 'descriptionEs: Esketamina de más de 56 mg, autoadministración supervisada, 2 h de observación' | 'descriptionEs:' | at entries[1].descriptionEs: descriptionEs is empty: write the Spanish description or leave the key out (line 20)",
    })
    void badSpanishDescriptionStopsStartUpWithKeyAndLine(String why, String from, String to, String problem,
                                                         @TempDir Path templates) throws IOException {
        Path folder = Files.createDirectories(templates.resolve("fee-schedules"));
        String text = Files.readString(Path.of("templates", "fee-schedules", "clinic-standard.yaml"));
        assertThat(text).containsOnlyOnce(from);
        Path file = Files.writeString(folder.resolve("clinic-standard.yaml"), text.replace(from, to));

        assertThatThrownBy(() -> new FeeSchedules(templates))
                .isInstanceOf(TemplateException.class)
                .hasMessage(file.toAbsolutePath() + ": not a valid fee schedule: " + problem);
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
                Arguments.of(HEAD + "entries: [{code: G2083, descriptionEs: Esketamina, charge: 1, effectiveFrom: 2026-01-01}]",
                        "entries[0].descriptionEs has no English description beside it"),
                Arguments.of("id: x\nversion: '1'\neffectiveFrom: not-a-date\nentries: []", "not-a-date"),
                Arguments.of("just text", "fee schedule"),
                Arguments.of("id: x\neffectiveFrom: 2026-01-01\nentries: [{code: G2083, charge: 1, effectiveFrom: 2026-01-01}]",
                        ": version is required"),
                Arguments.of("id: x\nversion: '1'\nentries: [{code: G2083, charge: 1, effectiveFrom: 2026-01-01}]",
                        ": effectiveFrom is required"),
                Arguments.of(HEAD + "effectiveTo: 2025-12-31\nentries: [{code: G2083, charge: 1, effectiveFrom: 2026-01-01}]",
                        ": effectiveTo is before effectiveFrom"),
                Arguments.of(HEAD + "entries:\n  -\n", "entries[0] is empty"),
                Arguments.of(HEAD + "entries: [{charge: 1, effectiveFrom: 2026-01-01}]", "entries[0].code is required"),
                Arguments.of(HEAD + "entries: [{code: G2083, charge: 1, effectiveFrom: 2026-01-01, effectiveTo: 2026-06-30},"
                        + " {code: G2083, charge: 2, effectiveFrom: 2026-06-30}]", "second charge"));
    }

    /** A mistake inside an entry is named with the line of its key, or of the entry when the key is left out. */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "'    charge: 75.00'  | '    charge: -1'                                     | entries[1].charge must be an amount >= 0 (line 9)",
        "'    charge: 75.00'  | '    charge: 75.001'                                 | entries[1].charge has more than 2 decimals (line 9)",
        "'    charge: 150.00' | '    charge: 150.00\\n    effectiveTo: 2025-01-01'   | entries[0].effectiveTo is before effectiveFrom (line 7)",
        "'  - code: G2083'    | '  - description: none'                              | entries[1].code is required (line 8)",
    })
    void aMistakeInAnEntryIsNamedWithItsLine(String from, String to, String problem, @TempDir Path templates)
            throws IOException {
        String text = HEAD + """
                entries:
                  - code: G2082
                    charge: 150.00
                    effectiveFrom: 2026-01-01
                  - code: G2083
                    charge: 75.00
                    effectiveFrom: 2026-01-01
                """;
        String edited = text.replace(from, to.replace("\\n", "\n"));
        assertThat(edited).isNotEqualTo(text);
        Path folder = Files.createDirectories(templates.resolve("fee-schedules"));
        Path file = Files.writeString(folder.resolve("lines.yaml"), edited);

        assertThatThrownBy(() -> new FeeSchedules(templates))
                .isInstanceOf(TemplateException.class)
                .hasMessage(file.toAbsolutePath() + ": " + problem);
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
    void loadsAFreeCodeCentsAndOneCodeChargedDifferentlyFromOneDayToTheNext(@TempDir Path templates)
            throws IOException {
        Path folder = Files.createDirectories(templates.resolve("fee-schedules"));
        Files.writeString(folder.resolve("clinic.yaml"), HEAD + """
                entries:
                  - {code: 90791, charge: 0, effectiveFrom: 2026-01-01}
                  - {code: g2083, charge: 1289.25, effectiveFrom: 2026-01-01, effectiveTo: 2026-06-30}
                  - {code: G2083, charge: 1300.10, effectiveFrom: 2026-07-01}
                """);

        FeeSchedules schedules = new FeeSchedules(templates);

        assertThat(schedules.entryOn("90791", LocalDate.of(2026, 3, 1)).orElseThrow().charge()).isEqualTo(Money.ZERO);
        assertThat(schedules.entryOn("G2083", LocalDate.of(2026, 6, 30)).orElseThrow().charge())
                .isEqualTo(Money.of("1289.25"));
        assertThat(schedules.entryOn("G2083", LocalDate.of(2026, 7, 1)).orElseThrow().charge())
                .isEqualTo(Money.of("1300.10"));
    }

    @ParameterizedTest(name = "G2083 on {0}: {1}")
    @CsvSource({"2025-06-01, 1000.00", "2025-12-31, 1000.00", "2026-01-01, 1100.00", "2026-12-31, 1100.00",
            "2027-01-01, 1000.00"})
    void theNewestScheduleInForceOnTheDateCharges(LocalDate date, String charge) {
        assertThat(clinicAndPayer().entryOn("G2083", date).orElseThrow().charge()).isEqualTo(Money.of(charge));
    }

    @Test
    void anEntryIsNotChargedOnceItsScheduleHasEnded() {
        assertThat(clinicAndPayer().entryOn("J0013", LocalDate.of(2026, 12, 31))).isPresent();
        assertThat(clinicAndPayer().entryOn("J0013", LocalDate.of(2027, 1, 1))).isEmpty();
        assertThat(clinicAndPayer().entryOn("J0013", LocalDate.of(2025, 12, 31))).isEmpty();
    }

    @Test
    void versionsNameTheSchedulesInForceOnTheDate() {
        assertThat(clinicAndPayer().versionsOn(LocalDate.of(2025, 6, 1))).isEqualTo("clinic 2025.1");
        assertThat(clinicAndPayer().versionsOn(LocalDate.of(2026, 6, 1))).isEqualTo("clinic 2025.1, payer-x 2026.1");
        assertThat(clinicAndPayer().versionsOn(LocalDate.of(2024, 6, 1))).isEmpty();
    }

    /** A clinic schedule open since 2025, and a payer's for 2026 only whose entries carry no end date. */
    private static FeeSchedules clinicAndPayer() {
        LocalDate y2025 = LocalDate.of(2025, 1, 1);
        LocalDate y2026 = LocalDate.of(2026, 1, 1);
        return new FeeSchedules(List.of(
                new FeeSchedule("clinic", "2025.1", "Clinic", y2025, null,
                        List.of(new FeeEntry("G2083", "Esketamine > 56 mg", null, Money.of("1000.00"), y2025, null,
                                null))),
                new FeeSchedule("payer-x", "2026.1", "Payer X", y2026, LocalDate.of(2026, 12, 31),
                        List.of(new FeeEntry("G2083", "Esketamine > 56 mg", null, Money.of("1100.00"), y2025, null,
                                        null),
                                new FeeEntry("J0013", "Esketamine, 1 mg", null, Money.of("11.00"), y2025, null,
                                        null)))));
    }

    @Test
    void missingFolderStopsStartUp(@TempDir Path templates) {
        assertThatThrownBy(() -> new FeeSchedules(templates))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fee-schedules");
    }
}

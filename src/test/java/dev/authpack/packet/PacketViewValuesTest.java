package dev.authpack.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.Assessment;
import dev.authpack.casefile.DrugClass;
import dev.authpack.casefile.Instrument;
import dev.authpack.casefile.MedicationTrial;
import dev.authpack.casefile.Psychotherapy;
import dev.authpack.casefile.TrialOutcome;
import dev.authpack.casefile.TrialRole;
import dev.authpack.content.TemplatesProperties;
import dev.authpack.packet.PacketView.History;
import dev.authpack.packet.PacketView.Severity;
import dev.authpack.packet.PacketView.TimelineBar;
import dev.authpack.policy.DrugCatalog;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the packet says, computed before any template sees it: the score table and the chart's latest
 * 16 bars, the baseline and the improvement the letter quotes, the treatment-history rows (class,
 * dose, weeks) and the timeline's bars as shares of its span. Plain values, no PDF.
 */
class PacketViewValuesTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 4, 1);
    private static final HistoryViews HISTORY = new HistoryViews(new DrugCatalog(new TemplatesProperties(Path.of("templates"))));

    @ParameterizedTest(name = "{0} scores: {1} charted, from the one of day {2}")
    @CsvSource({"1, 1, 1", "15, 15, 1", "16, 16, 1", "17, 16, 2", "20, 16, 5"})
    void theChartShowsTheLatestSixteenScoresAndTheTableShowsThemAll(int count, int charted, int firstDay) {
        List<Assessment> scores = new ArrayList<>(IntStream.rangeClosed(1, count)
                .mapToObj(day -> new Assessment(Instrument.PHQ9, day, LocalDate.of(2026, 1, day))).toList());
        java.util.Collections.reverse(scores);

        Severity severity = SeverityViews.severity(scores);

        assertThat(severity.scores()).hasSize(count);
        assertThat(severity.scores().get(0).date()).isEqualTo("2026-01-01");
        assertThat(severity.chart()).hasSize(charted);
        assertThat(severity.chart().get(0).date()).isEqualTo(LocalDate.of(2026, 1, firstDay).toString());
        assertThat(severity.chart().get(charted - 1).date()).isEqualTo(LocalDate.of(2026, 1, count).toString());
        assertThat(severity.chartAlt()).startsWith("PHQ-9 " + firstDay + " of 27 on " + LocalDate.of(2026, 1, firstDay) + ";")
                .endsWith("PHQ-9 " + count + " of 27 on " + LocalDate.of(2026, 1, count) + ";");
        assertThat(severity.chartAlt().split("; ")).hasSize(charted);
    }

    @Test
    void eachBarIsTheScoreAsAShareOfTheInstrumentsMaximumAndIncompleteScoresAreLeftOut() {
        Severity severity = SeverityViews.severity(List.of(
                new Assessment(Instrument.MADRS, 30, LocalDate.of(2026, 2, 1)),
                new Assessment(Instrument.PHQ9, 18, LocalDate.of(2026, 1, 5)),
                new Assessment(null, 12, LocalDate.of(2026, 1, 6)),
                new Assessment(Instrument.PHQ9, null, LocalDate.of(2026, 1, 7)),
                new Assessment(Instrument.PHQ9, 9, null)));

        assertThat(severity.scores()).extracting(r -> r.instrument() + " " + r.score() + "/" + r.max() + " " + r.date())
                .containsExactly("PHQ-9 18/27 2026-01-05", "MADRS 30/60 2026-02-01");
        assertThat(severity.chart()).extracting(b -> b.label() + " " + b.heightPt())
                .containsExactly("PHQ-9 66.7", "MADRS 50.0");
        assertThat(severity.chartAlt()).isEqualTo("PHQ-9 18 of 27 on 2026-01-05; MADRS 30 of 60 on 2026-02-01;");
    }

    @Test
    void noScoresMakeAnEmptyTableAndChartAndNoLatestOrBaseline() {
        Severity severity = SeverityViews.severity(List.of());

        assertThat(severity.scores()).isEmpty();
        assertThat(severity.chart()).isEmpty();
        assertThat(severity.chartAlt()).isEmpty();
        assertThat(SeverityViews.latest(List.of())).isNull();
        assertThat(SeverityViews.baseline(List.of())).isNull();
        assertThat(SeverityViews.row(null)).isNull();
    }

    @Test
    void theBaselineIsTheEarliestScoreOfTheLatestScoresInstrumentAndEqualDatesKeepTheCasesOrder() {
        Assessment madrsFirst = new Assessment(Instrument.MADRS, 40, LocalDate.of(2026, 1, 10));
        Assessment phq = new Assessment(Instrument.PHQ9, 22, LocalDate.of(2026, 1, 2));
        Assessment madrsSameDay = new Assessment(Instrument.MADRS, 38, LocalDate.of(2026, 1, 10));
        Assessment phqLatest = new Assessment(Instrument.PHQ9, 11, LocalDate.of(2026, 3, 1));
        List<Assessment> scores = List.of(madrsFirst, phqLatest, phq, madrsSameDay);

        assertThat(SeverityViews.latest(scores)).isSameAs(phqLatest);
        assertThat(SeverityViews.baseline(scores)).isSameAs(phq);
        assertThat(SeverityViews.chronological(scores)).containsExactly(phq, madrsFirst, madrsSameDay, phqLatest);
        assertThat(SeverityViews.baseline(List.of(madrsFirst, madrsSameDay))).isSameAs(madrsFirst);
        Assessment madrsEarliest = new Assessment(Instrument.MADRS, 41, LocalDate.of(2025, 12, 1));
        assertThat(SeverityViews.baseline(List.of(madrsEarliest, phq, phqLatest)))
                .as("an earlier score of another instrument is no baseline").isSameAs(phq);
        assertThat(SeverityViews.row(phqLatest)).isEqualTo(new PacketView.ScoreRow("PHQ-9", 11, 27, "2026-03-01"));
    }

    @ParameterizedTest(name = "{0} → {1}: {2} %")
    @CsvSource(nullValues = "null", textBlock = """
            20, 10, 50
            27, 20, 25.9
            6,  5,  16.7
            16, 15, 6.3
            8,  7,  12.5
            10, 12, -20
            10, 10, 0
            0,  4,  null
            """)
    void theImprovementIsTheDropFromTheBaselineInPercentWithOneDecimalRoundedHalfUp(int from, int to, String percent) {
        Assessment baseline = new Assessment(Instrument.PHQ9, from, LocalDate.of(2026, 1, 1));
        Assessment latest = new Assessment(Instrument.PHQ9, to, LocalDate.of(2026, 2, 1));

        BigDecimal improvement = SeverityViews.improvementPct(baseline, latest);
        assertThat(improvement == null ? null : improvement.toPlainString()).isEqualTo(percent);
    }

    @Test
    void noImprovementWithoutTwoDifferentScores() {
        Assessment one = new Assessment(Instrument.PHQ9, 20, LocalDate.of(2026, 1, 1));

        assertThat(SeverityViews.improvementPct(one, one)).isNull();
        assertThat(SeverityViews.improvementPct(null, one)).isNull();
        assertThat(SeverityViews.improvementPct(one, null)).isNull();
    }

    @ParameterizedTest(name = "{0} of {1}: {2}")
    @CsvSource({"0, 10, 0.0", "5, 10, 50.0", "1, 3, 33.3", "2, 3, 66.7", "10, 10, 100.0", "15, 10, 100", "-5, 10, 0",
            "1, 0, 0", "1, -1, 0", "1, 1, 100.0"})
    void aShareIsAPercentageWithOneDecimalKeptBetweenNoneAndAll(long part, long whole, String share) {
        assertThat(Formats.share(part, whole)).isEqualTo(share);
    }

    @ParameterizedTest(name = "{0} to {1} (open end {2}): {3} weeks")
    @CsvSource(nullValues = "null", textBlock = """
            2026-01-01, 2026-02-12, null,       6
            2026-01-01, 2026-02-11, null,       5
            2026-01-01, null,       2026-01-29, 4
            2026-01-01, 2026-01-08, 2026-12-31, 1
            2026-01-01, null,       null,       null
            null,       2026-01-08, null,       null
            """)
    void weeksAreWholeWeeksToTheEndOrForARunningCourseToTheOpenEnd(LocalDate start, LocalDate end, LocalDate openEnd,
                                                                    String weeks) {
        assertThat(Formats.weeks(start, end, openEnd)).isEqualTo(weeks);
    }

    @Test
    void numbersArePlainAndNullStaysNull() {
        assertThat(Formats.number(new BigDecimal("150.00"))).isEqualTo("150");
        assertThat(Formats.number(new BigDecimal("1E+2"))).isEqualTo("100");
        assertThat(Formats.percent(new BigDecimal("80.50"))).isEqualTo("80.5 %");
        assertThat(Formats.number(null)).isNull();
        assertThat(Formats.percent(null)).isNull();
        assertThat(Formats.date(null)).isNull();
        assertThat(Formats.text(null)).isNull();
        assertThat(Formats.text(12)).isEqualTo("12");
        assertThat(Formats.date(LocalDate.of(2026, 3, 9))).isEqualTo("2026-03-09");
    }

    @ParameterizedTest(name = "{0} entered as {1}: {2}")
    @CsvSource(nullValues = "null", textBlock = """
            sertraline,    null,                 SSRI
            sertraline,    SNRI,                 SNRI
            bupropion,     null,                 bupropion
            quetiapine,    ATYPICAL_ANTIPSYCHOTIC, atypical antipsychotic
            nothing-known, null,                 null
            null,          null,                 null
            null,          LITHIUM,              lithium
            """)
    void theTrialsClassIsTheEnteredOneElseTheCatalogsInWords(String drug, DrugClass entered, String words) {
        assertThat(HISTORY.drugClass(trial(drug, entered, null, null, null))).isEqualTo(words);
    }

    @Test
    void theHistoryTableSplitsTrialsByRoleInDateOrderWithTheirDoseWeeksAndPercentages() {
        MedicationTrial running = new MedicationTrial("bupropion", null, TrialRole.AUGMENTATION, new BigDecimal("300.0"),
                LocalDate.of(2026, 2, 1), null, null, null, null);
        MedicationTrial second = new MedicationTrial("escitalopram", DrugClass.SSRI, null, new BigDecimal("20"),
                LocalDate.of(2025, 11, 1), LocalDate.of(2025, 12, 27), TrialOutcome.PARTIAL_RESPONSE,
                new BigDecimal("25.0"), new BigDecimal("90"));
        MedicationTrial undated = trial("venlafaxine", null, TrialRole.MONOTHERAPY, null, null);
        MedicationTrial first = new MedicationTrial("sertraline", null, TrialRole.MONOTHERAPY, null,
                LocalDate.of(2025, 6, 1), LocalDate.of(2025, 8, 1), TrialOutcome.INADEQUATE_RESPONSE, null, null);
        Psychotherapy cbt = new Psychotherapy("CBT", LocalDate.of(2025, 9, 1), null, 12);

        History history = HISTORY.history(List.of(running, undated, second, first), List.of(cbt), AS_OF);

        assertThat(history.trials()).extracting(r -> String.join("|", r.drug(), String.valueOf(r.drugClass()),
                        String.valueOf(r.dose()), String.valueOf(r.start()), String.valueOf(r.end()), String.valueOf(r.weeks()),
                        String.valueOf(r.adherence()), String.valueOf(r.outcome()),
                        r.improvement() == null ? "null" : r.improvement().percent() + " % " + r.improvement().direction()))
                .containsExactly(
                        "sertraline|SSRI|null|2025-06-01|2025-08-01|8|null|INADEQUATE_RESPONSE|null",
                        "escitalopram|SSRI|20 mg/day|2025-11-01|2025-12-27|8|90 %|PARTIAL_RESPONSE|25 % better",
                        "venlafaxine|SNRI|null|null|null|null|null|null|null");
        assertThat(history.augmentation()).extracting(r -> r.drug() + "|" + r.dose() + "|" + r.end() + "|" + r.weeks())
                .containsExactly("bupropion|300 mg/day|null|8");
        assertThat(history.psychotherapy()).extracting(r -> r.modality() + "|" + r.start() + "|" + r.end() + "|" + r.weeks()
                        + "|" + r.sessions())
                .containsExactly("CBT|2025-09-01|null|30|12");
    }

    /**
     * 2025-06-01 to 2026-04-01 is 304 days: sertraline's 61 days from day 0 are 20.1 % of it; CBT, still
     * running, starts on day 92 (30.3 %) and runs to the day the packet is made, 212 days (69.7 %).
     */
    @Test
    void theTimelineDrawsEachDatedTrialAndCourseAsAShareOfTheWholeSpanRunningOnesToToday() {
        MedicationTrial first = new MedicationTrial("sertraline", null, null, null,
                LocalDate.of(2025, 6, 1), LocalDate.of(2025, 8, 1), null, null, null);
        MedicationTrial augmentation = new MedicationTrial("aripiprazole", null, TrialRole.AUGMENTATION, null,
                LocalDate.of(2025, 8, 1), LocalDate.of(2025, 8, 1), null, null, null);
        MedicationTrial undated = trial("venlafaxine", null, null, null, null);
        Psychotherapy cbt = new Psychotherapy("CBT", LocalDate.of(2025, 9, 1), null, 12);
        Psychotherapy undatedTherapy = new Psychotherapy("DBT", null, null, null);

        History history = HISTORY.history(List.of(augmentation, undated, first), List.of(undatedTherapy, cbt), AS_OF);

        assertThat(history.timeline()).extracting(TimelineBar::label, TimelineBar::left, TimelineBar::width, TimelineBar::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sertraline", "0.0", "20.1", "trial"),
                        org.assertj.core.groups.Tuple.tuple("aripiprazole", "20.1", "0.3", "augmentation"),
                        org.assertj.core.groups.Tuple.tuple("CBT", "30.3", "69.7", "therapy"));
        assertThat(history.timelineStart()).isEqualTo("2025-06-01");
        assertThat(history.timelineEnd()).isEqualTo("2026-04-01");
        assertThat(history.timelineAlt()).isEqualTo(
                "sertraline 2025-06-01 to 2025-08-01; aripiprazole 2025-08-01 to 2025-08-01; CBT 2025-09-01 to 2026-04-01;");
    }

    @Test
    void aTimelineOfOneDayIsOneFullBarAndNoDatesMeanNoTimeline() {
        MedicationTrial oneDay = new MedicationTrial("sertraline", null, null, null,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), null, null, null);

        History history = HISTORY.history(List.of(oneDay), List.of(), AS_OF);
        assertThat(history.timeline()).extracting(TimelineBar::left, TimelineBar::width).containsExactly(
                org.assertj.core.groups.Tuple.tuple("0.0", "100.0"));

        History none = HISTORY.history(List.of(trial("sertraline", null, null, null, null)), List.of(), AS_OF);
        assertThat(none.timeline()).isEmpty();
        assertThat(none.timelineStart()).isNull();
        assertThat(none.timelineEnd()).isNull();
        assertThat(none.timelineAlt()).isEmpty();
    }

    private static MedicationTrial trial(String drug, DrugClass drugClass, TrialRole role, LocalDate start, LocalDate end) {
        return new MedicationTrial(drug, drugClass, role, null, start, end, null, null, null);
    }
}

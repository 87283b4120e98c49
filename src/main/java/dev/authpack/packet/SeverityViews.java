package dev.authpack.packet;

import dev.authpack.casefile.ClinicalWords;
import dev.authpack.casefile.Assessment;
import dev.authpack.packet.PacketView.ChartBar;
import dev.authpack.packet.PacketView.ScoreRow;
import dev.authpack.packet.PacketView.Severity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

/** Severity scores in date order (equal dates keep the case's order), as a table and a bar chart. */
final class SeverityViews {

    /**
     * Bars the chart draws, the latest scores: 16 columns of 32 pt fill the page's 522 pt. With more, the
     * chart ran past the page's edge and showed the oldest 17 (the newest, which matter most, were cut off)
     * under labels that no longer lined up; every score stays in the table above the chart.
     */
    static final int CHART_BARS = 16;

    private SeverityViews() {
    }

    static List<Assessment> chronological(List<Assessment> assessments) {
        return assessments.stream().filter(a -> a.date() != null && a.instrument() != null && a.score() != null)
                .sorted(Comparator.comparing(Assessment::date)).toList();
    }

    static Severity severity(List<Assessment> assessments) {
        List<Assessment> ordered = chronological(assessments);
        List<ScoreRow> rows = ordered.stream().map(SeverityViews::row).toList();
        List<Assessment> charted = ordered.subList(Math.max(0, ordered.size() - CHART_BARS), ordered.size());
        List<ChartBar> bars = charted.stream()
                .map(a -> new ChartBar(ClinicalWords.instrument(a.instrument()), a.score(),
                        Formats.share(a.score(), a.instrument().maxScore()), a.date().toString()))
                .toList();
        StringBuilder alt = new StringBuilder();
        for (Assessment a : charted) {
            alt.append(ClinicalWords.instrument(a.instrument())).append(' ').append(a.score()).append(" of ")
                    .append(a.instrument().maxScore()).append(" on ").append(a.date()).append("; ");
        }
        return new Severity(rows, bars, alt.toString().strip());
    }

    static ScoreRow row(Assessment a) {
        return a == null ? null : new ScoreRow(ClinicalWords.instrument(a.instrument()), a.score(), a.instrument().maxScore(),
                a.date().toString());
    }

    /** The latest score, or null. */
    static Assessment latest(List<Assessment> assessments) {
        List<Assessment> ordered = chronological(assessments);
        return ordered.isEmpty() ? null : ordered.get(ordered.size() - 1);
    }

    /** The earliest score of the latest score's instrument (the reauthorization baseline), or null. */
    static Assessment baseline(List<Assessment> assessments) {
        Assessment latest = latest(assessments);
        return latest == null ? null : chronological(assessments).stream()
                .filter(a -> a.instrument() == latest.instrument()).findFirst().orElse(null);
    }

    /**
     * {@code (baseline − latest) / baseline × 100}, one decimal (negative: the score rose, the patient got worse);
     * null when it cannot be computed.
     */
    static BigDecimal improvementPct(Assessment baseline, Assessment latest) {
        if (baseline == null || latest == null || baseline == latest || baseline.score() == 0) {
            return null;
        }
        return BigDecimal.valueOf(baseline.score() - latest.score()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(baseline.score()), 1, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}

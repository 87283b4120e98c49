package dev.authpack.estimate;

import java.util.List;

/**
 * The estimate the API returns: {@code sessions}, {@code totals}, {@code perSession} as the
 * contract fixes them, plus per-line detail and code warnings.
 */
public record Estimate(int sessions, EstimateTotals totals, List<SessionCost> perSession, List<LineSummary> lines,
                       List<String> warnings) {

    public Estimate {
        perSession = List.copyOf(perSession);
        lines = List.copyOf(lines);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    Estimate withWarnings(List<String> newWarnings) {
        return new Estimate(sessions, totals, perSession, lines, newWarnings);
    }
}

package dev.authpack.policy;

import dev.authpack.casefile.Instrument;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * SEVERITY: a score dated within {@code severityWindowDays} before the start date (or, with
 * {@code severityWindow}, in the current episode or at any date) must pass the threshold of its
 * instrument, compared {@code thresholdComparison} (AT_LEAST by default). Instruments in
 * {@code anyScoreOf} count with any score (a policy that names scales but no cut-off). Instruments
 * in neither do not count.
 */
public record SeverityRule(Integer severityWindowDays, Window severityWindow, Map<Instrument, Integer> thresholds,
                           Comparison thresholdComparison, Set<Instrument> anyScoreOf) {

    public SeverityRule {
        if (severityWindowDays == null && severityWindow == null) {
            throw new IllegalArgumentException(
                    "severityWindowDays is required (or severityWindow: CURRENT_EPISODE or ANY_DATE)");
        }
        if (severityWindowDays != null && severityWindow != null) {
            throw new IllegalArgumentException("give severityWindowDays or severityWindow, not both");
        }
        Checks.optionalRange(severityWindowDays, "severityWindowDays", 0, 3650);
        boolean noThresholds = thresholds == null || thresholds.isEmpty();
        boolean noAny = anyScoreOf == null || anyScoreOf.isEmpty();
        if (noThresholds && noAny) {
            throw new IllegalArgumentException("thresholds needs at least one instrument (or list anyScoreOf)");
        }
        EnumMap<Instrument, Integer> copy = new EnumMap<>(Instrument.class);
        if (!noThresholds) {
            thresholds.forEach((instrument, min) -> copy.put(instrument,
                    Checks.range(min, "thresholds." + instrument, 0, instrument.maxScore())));
        }
        thresholds = Collections.unmodifiableMap(copy);
        thresholdComparison = thresholdComparison == null ? Comparison.AT_LEAST : thresholdComparison;
        EnumSet<Instrument> any = EnumSet.noneOf(Instrument.class);
        if (!noAny) {
            any.addAll(Checks.notEmpty(anyScoreOf, "anyScoreOf"));
        }
        any.stream().filter(copy::containsKey).findFirst().ifPresent(i -> {
            throw new IllegalArgumentException(i + " is both in thresholds and in anyScoreOf");
        });
        anyScoreOf = Collections.unmodifiableSet(any);
    }

    /** The rule as the four original policies write it: a day window and at-least thresholds. */
    public SeverityRule(Integer severityWindowDays, Map<Instrument, Integer> thresholds) {
        this(severityWindowDays, null, thresholds, null, null);
    }

    public boolean counts(Instrument instrument) {
        return thresholds.containsKey(instrument) || anyScoreOf.contains(instrument);
    }
}

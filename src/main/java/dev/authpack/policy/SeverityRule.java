package dev.authpack.policy;

import dev.authpack.casefile.Instrument;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * SEVERITY: a score dated within {@code severityWindowDays} before the start date must reach the
 * threshold of its instrument; instruments without a threshold here do not count.
 */
public record SeverityRule(Integer severityWindowDays, Map<Instrument, Integer> thresholds) {

    public SeverityRule {
        Checks.range(severityWindowDays, "severityWindowDays", 0, 3650);
        if (thresholds == null || thresholds.isEmpty()) {
            throw new IllegalArgumentException("thresholds needs at least one instrument");
        }
        EnumMap<Instrument, Integer> copy = new EnumMap<>(Instrument.class);
        thresholds.forEach((instrument, min) -> copy.put(instrument,
                Checks.range(min, "thresholds." + instrument, 0, instrument.maxScore())));
        thresholds = Collections.unmodifiableMap(copy);
    }
}

package dev.authpack.estimate;

import java.util.List;

/** A course ready for {@link EstimateCalculator}: benefits, number of sessions, priced lines. */
record PricedCourse(Benefits benefits, int sessions, List<PricedLine> lines) {
}

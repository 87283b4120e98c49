package dev.authpack.completeness;

import dev.authpack.casefile.DrugClass;
import dev.authpack.casefile.MedicationTrial;

/**
 * How one medication trial was judged: whether it qualifies as a failed trial, the class it counts
 * for (null when unknown) and the evidence line a reviewer reads.
 */
record TrialVerdict(MedicationTrial trial, boolean qualifies, DrugClass drugClass, String evidence) {
}

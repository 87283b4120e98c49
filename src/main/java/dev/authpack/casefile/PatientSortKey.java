package dev.authpack.casefile;

import java.util.Objects;

/**
 * Where a patient stands in a list sorted by patient: by last name, then first name, each by its
 * {@link PatientNameKey} (case and accents aside), a missing part as empty. The case list and the worklist both
 * sort so, and a clerk finds the patients in the same order in each. The worklist works it out once for each
 * row before sorting, not on both sides of every comparison: lower-casing (and for an accented name, decomposing)
 * both names of every comparison was the largest cost of a worklist view at a busy clinic (docs/performance.md).
 * The case list, sorted by patient only when a clerk asks, still makes it per comparison.
 */
public record PatientSortKey(String last, String first) implements Comparable<PatientSortKey> {

    public PatientSortKey {
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(first, "first");
    }

    /** The key of a patient's first and last name, either of which may be null. */
    public static PatientSortKey of(String firstName, String lastName) {
        return new PatientSortKey(key(lastName), key(firstName));
    }

    @Override
    public int compareTo(PatientSortKey other) {
        int byLast = last.compareTo(other.last);
        return byLast != 0 ? byLast : first.compareTo(other.first);
    }

    private static String key(String name) {
        return name == null ? "" : PatientNameKey.of(name);
    }
}

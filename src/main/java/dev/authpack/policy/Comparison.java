package dev.authpack.policy;

/**
 * How a policy compares a value with its number: AT_LEAST ("15 or more", "at least 6 weeks") or
 * GREATER_THAN ("above 15", "more than 4 weeks"). Payers print both; the difference decides cases
 * that sit exactly on the number.
 */
public enum Comparison {
    AT_LEAST, GREATER_THAN;

    public boolean passes(long value, long bound) {
        return this == AT_LEAST ? value >= bound : value > bound;
    }

    /** The smallest whole value that passes, e.g. GREATER_THAN 15 → 16. */
    long least(long bound) {
        return this == AT_LEAST ? bound : bound + 1;
    }

    /** "at least" / "more than", for evidence sentences. */
    public String words() {
        return this == AT_LEAST ? "at least" : "more than";
    }
}

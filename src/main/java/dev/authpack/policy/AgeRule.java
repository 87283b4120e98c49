package dev.authpack.policy;

/** AGE: the patient's age on the start date must lie within these bounds (either may be absent). */
public record AgeRule(Integer minAge, Integer maxAge) {

    public AgeRule {
        Checks.optionalRange(minAge, "minAge", 0, 150);
        Checks.optionalRange(maxAge, "maxAge", 0, 150);
        if (minAge == null && maxAge == null) {
            throw new IllegalArgumentException("minAge or maxAge is required");
        }
        if (minAge != null && maxAge != null && minAge > maxAge) {
            throw new IllegalArgumentException("minAge " + minAge + " is above maxAge " + maxAge);
        }
    }
}

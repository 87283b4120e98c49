package dev.authpack.completeness;

/** MISSING: a value the criterion reads is absent; NOT_MET: the data is there but falls short. */
public enum CriterionStatus {
    MET, NOT_MET, MISSING
}

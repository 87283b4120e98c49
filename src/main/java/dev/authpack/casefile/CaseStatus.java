package dev.authpack.casefile;

/** Where a case stands: a draft until its documentation is complete for its policy. */
public enum CaseStatus {
    /** Saved, but the completeness report still lists something missing or not met. */
    DRAFT,
    /** Complete for its policy: a packet can be generated. */
    READY;

    /** The status a case has when its stored {@code complete} is {@code complete}: the one rule, for saves and recomputes alike. */
    public static CaseStatus of(boolean complete) {
        return complete ? READY : DRAFT;
    }
}

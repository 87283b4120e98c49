package dev.authpack.policy;

/** PSYCHOTHERAPY: one course with at least this many sessions. */
public record PsychotherapyRule(Integer minPsychotherapySessions) {

    public PsychotherapyRule {
        Checks.range(minPsychotherapySessions, "minPsychotherapySessions", 1, 500);
    }
}

package dev.authpack.policy;

/**
 * PSYCHOTHERAPY: one course with at least {@code minPsychotherapySessions} sessions (0: any number,
 * sessions not read). With {@code unavailableExempts} true, the prescriber's note that no
 * psychotherapy is available ({@code request.psychotherapyUnavailable}) meets it instead, and
 * having neither is NOT_MET rather than MISSING (the policy asks for one or the other).
 */
public record PsychotherapyRule(Integer minPsychotherapySessions, Boolean unavailableExempts) {

    public PsychotherapyRule {
        Checks.range(minPsychotherapySessions, "minPsychotherapySessions", 0, 500);
        unavailableExempts = Boolean.TRUE.equals(unavailableExempts);
    }

    public PsychotherapyRule(Integer minPsychotherapySessions) {
        this(minPsychotherapySessions, null);
    }
}

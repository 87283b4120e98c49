package dev.authpack.casefile;

/**
 * Whether a case is complete for its policy, stored beside the case for the list's column. Owned
 * here and implemented by the completeness feature, which sits above the case model.
 */
public interface CaseAssessor {

    boolean isComplete(CaseData data);

    /**
     * Which stored policy uploads the rules in use include, as a number that grows with each upload
     * read; after {@link #catchUp()} it covers every upload stored so far on any instance.
     */
    long rulesRead();

    /** Reads the policy versions uploaded since (on any instance) now rather than within the second. */
    void catchUp();
}

package dev.authpack.casefile;

/**
 * Whether a case is complete for its policy, stored beside the case for the list's column. Owned
 * here and implemented by the completeness feature, which sits above the case model.
 */
public interface CaseAssessor {

    boolean isComplete(CaseData data);
}

package dev.authpack.casefile;

/**
 * Which policy ids a case may name. Owned here and implemented by the policy feature, so the case
 * model checks its references without depending on the feature that loads policies.
 */
public interface KnownPolicies {

    boolean isLoaded(String policyId);
}

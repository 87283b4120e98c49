package dev.authpack.policy;

/**
 * Runs a policy file's {@code examples} while the catalog loads. The evaluator lives above this
 * package, so it supplies the check; a failing example throws {@link IllegalArgumentException}
 * naming the example, and the file does not load.
 */
public interface PolicyExampleCheck {

    /** Returns the number of examples that ran; throws when one gives another verdict than it expects. */
    int check(Policy policy);
}

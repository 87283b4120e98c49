package dev.authpack.casefile;

public enum TrialOutcome {
    INADEQUATE_RESPONSE, PARTIAL_RESPONSE, INTOLERANCE, RESPONSE
}

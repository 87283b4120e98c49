package dev.authpack.policy;

/**
 * How CONTRAINDICATIONS treats psychosis (screening's psychotic features, or a "with psychotic
 * features" code): EXCLUDED (as the original policies), ALLOWED_WITH_ATTESTATION (only when the
 * prescriber attests that the benefit outweighs the risk) or NOT_CHECKED.
 */
public enum PsychosisScreen {
    EXCLUDED, ALLOWED_WITH_ATTESTATION, NOT_CHECKED
}

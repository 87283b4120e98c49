package dev.authpack.security;

/**
 * Published when an administrator adds or renames a clinic; the audit trail records it with the
 * administrator as actor. Neither change grants anyone access: that takes an account in the clinic.
 */
public record ClinicChangedEvent(Change change, String clinicId) {

    /** What was done to the clinic. */
    public enum Change { CLINIC_CREATED, CLINIC_RENAMED }
}

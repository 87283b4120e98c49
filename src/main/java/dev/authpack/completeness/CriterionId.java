package dev.authpack.completeness;

/**
 * The contract's criterion ids, in report order, each with the fixed label shown in the web
 * checklist, the packet's checklist and the exception letter.
 */
public enum CriterionId {
    TREATMENT("Covered treatment"),
    AGE("Age"),
    DIAGNOSIS("Eligible diagnosis"),
    INDICATION("Covered indication"),
    SEVERITY("Severity score"),
    FAILED_TRIALS("Failed antidepressant trials"),
    AUGMENTATION("Augmentation or psychotherapy"),
    PSYCHOTHERAPY("Psychotherapy"),
    CONCURRENT_ANTIDEPRESSANT("Oral antidepressant alongside"),
    PRIOR_ESKETAMINE("Response to earlier esketamine"),
    CONTRAINDICATIONS("No contraindications"),
    PRESCRIBER("Prescriber specialty"),
    REMS("REMS-certified setting"),
    PDMP("PDMP check"),
    REAUTH_RESPONSE("Response to treatment");

    private final String label;

    CriterionId(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

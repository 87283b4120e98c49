package dev.authpack.casefile;

/**
 * The case's codes as a reviewer reads them in the packet and the checklist: "PHQ-9", not PHQ9; "psychiatry", not
 * PSYCHIATRY; "atypical antipsychotic", not ATYPICAL_ANTIPSYCHOTIC. Names of scales and classes
 * follow their published spelling (see shared/domain/FACTS.md).
 */
public final class ClinicalWords {

    private ClinicalWords() {
    }

    public static String instrument(Instrument instrument) {
        return switch (instrument) {
            case PHQ9 -> "PHQ-9";
            case MADRS -> "MADRS";
            case HAMD17 -> "HAM-D (17-item)";
            case QIDS_C16 -> "QIDS-C16";
            case BDI2 -> "BDI-II";
        };
    }

    public static String specialty(Specialty specialty) {
        return switch (specialty) {
            case PSYCHIATRY -> "psychiatry";
            case PSYCHIATRIC_NP -> "psychiatric nurse practitioner";
            case PRIMARY_CARE -> "primary care";
            case OTHER -> "other specialty";
        };
    }

    public static String drugClass(DrugClass drugClass) {
        return switch (drugClass) {
            case SSRI, SNRI, TCA, MAOI -> drugClass.name();
            case BUPROPION -> "bupropion";
            case MIRTAZAPINE -> "mirtazapine";
            case OTHER_ANTIDEPRESSANT -> "other antidepressant";
            case ATYPICAL_ANTIPSYCHOTIC -> "atypical antipsychotic";
            case LITHIUM -> "lithium";
            case THYROID -> "thyroid hormone";
            case BUSPIRONE -> "buspirone";
        };
    }

    public static String planType(PlanType plan) {
        return switch (plan) {
            case COMMERCIAL -> "commercial";
            case MEDICARE -> "Medicare";
            case MEDICAID -> "Medicaid";
            case SELF_PAY -> "self-pay";
        };
    }
}

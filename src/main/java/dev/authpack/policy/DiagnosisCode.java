package dev.authpack.policy;

import dev.authpack.core.Icd10Code;

/**
 * One row of the ICD-10-CM code table. {@code psychoticFeatures} marks codes that themselves say
 * "with psychotic features", which payers treat as a contraindication whatever the screening says.
 */
record DiagnosisCode(Icd10Code code, String description, Boolean psychoticFeatures) {

    public DiagnosisCode {
        if (code == null) {
            throw new IllegalArgumentException("code is required");
        }
        description = Checks.text(description, "description");
        psychoticFeatures = Boolean.TRUE.equals(psychoticFeatures);
    }
}

package dev.authpack.policy;

import dev.authpack.core.Icd10Code;

/**
 * One row of the ICD-10-CM code table. {@code psychoticFeatures} marks codes that themselves say
 * "with psychotic features", which payers treat as a contraindication whatever the screening says.
 * {@code descriptionEs} is the Spanish title printed on Spanish patient documents (the estimate);
 * absent, they print the English one. Packets and letters go to payers and stay in English.
 */
record DiagnosisCode(Icd10Code code, String description, String descriptionEs, Boolean psychoticFeatures) {

    static final String EMPTY_SPANISH = "descriptionEs is empty: write the Spanish title or leave the key out";

    public DiagnosisCode {
        if (code == null) {
            throw new IllegalArgumentException("code is required");
        }
        description = Checks.text(description, "description");
        if (descriptionEs != null && descriptionEs.isBlank()) {
            // an empty translation would print a bare code to a Spanish reader: leave the key out instead
            throw new IllegalArgumentException(EMPTY_SPANISH);
        }
        descriptionEs = descriptionEs == null ? null : descriptionEs.strip();
        psychoticFeatures = Boolean.TRUE.equals(psychoticFeatures);
    }
}

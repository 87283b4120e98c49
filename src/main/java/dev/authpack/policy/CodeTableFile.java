package dev.authpack.policy;

import java.util.List;

/** The shape of {@code templates/codes/icd10-cm-f32-f33.yaml}. */
record CodeTableFile(String version, List<DiagnosisCode> codes) {

    CodeTableFile {
        version = Checks.text(version, "version");
        Checks.notEmpty(codes, "codes");
    }
}

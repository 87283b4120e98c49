package dev.authpack.policy;

import dev.authpack.core.Icd10Code;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.Collections;

/** DIAGNOSIS: the case's ICD-10-CM code must be one of these. */
public record DiagnosisRule(Set<Icd10Code> diagnoses) {

    public DiagnosisRule {
        Checks.notEmpty(diagnoses, "diagnoses");
        TreeSet<Icd10Code> sorted = new TreeSet<>(Comparator.comparing(Icd10Code::value));
        sorted.addAll(diagnoses);
        diagnoses = Collections.unmodifiableSet(sorted);
    }

    public boolean accepts(Icd10Code code) {
        return diagnoses.contains(code);
    }
}

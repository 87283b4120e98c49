package dev.authpack.policy;

import dev.authpack.core.Icd10Code;
import java.util.Collections;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

/**
 * DIAGNOSIS: the case's ICD-10-CM code must be one of these; with {@code structuredInterview}
 * true the diagnosis must also have been established by a structured clinical interview.
 */
public record DiagnosisRule(Set<Icd10Code> diagnoses, Boolean structuredInterview) {

    public DiagnosisRule {
        Checks.notEmpty(diagnoses, "diagnoses");
        TreeSet<Icd10Code> sorted = new TreeSet<>(Comparator.comparing(Icd10Code::value));
        sorted.addAll(diagnoses);
        diagnoses = Collections.unmodifiableSet(sorted);
        structuredInterview = Boolean.TRUE.equals(structuredInterview);
    }

    public DiagnosisRule(Set<Icd10Code> diagnoses) {
        this(diagnoses, null);
    }

    public boolean accepts(Icd10Code code) {
        return diagnoses.contains(code);
    }
}

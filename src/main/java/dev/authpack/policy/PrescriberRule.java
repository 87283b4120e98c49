package dev.authpack.policy;

import dev.authpack.casefile.Specialty;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** PRESCRIBER: the prescriber's specialty must be one of these. */
public record PrescriberRule(Set<Specialty> prescriberSpecialties) {

    public PrescriberRule {
        Checks.notEmpty(prescriberSpecialties, "prescriberSpecialties");
        prescriberSpecialties = Collections.unmodifiableSet(EnumSet.copyOf(prescriberSpecialties));
    }
}

package dev.authpack.policy;

import dev.authpack.casefile.Specialty;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * PRESCRIBER: the prescriber's specialty must be one of these, or — when
 * {@code consultingPsychiatristAccepted} is true — a consulting psychiatrist is named with both
 * name and NPI (the consultation route).
 */
public record PrescriberRule(Set<Specialty> prescriberSpecialties, Boolean consultingPsychiatristAccepted) {

    public PrescriberRule {
        Checks.notEmpty(prescriberSpecialties, "prescriberSpecialties");
        prescriberSpecialties = Collections.unmodifiableSet(EnumSet.copyOf(prescriberSpecialties));
        consultingPsychiatristAccepted = Boolean.TRUE.equals(consultingPsychiatristAccepted);
    }

    public PrescriberRule(Set<Specialty> prescriberSpecialties) {
        this(prescriberSpecialties, null);
    }
}

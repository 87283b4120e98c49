package dev.authpack.casefile;

import dev.authpack.core.Npi;
import jakarta.validation.constraints.Size;

/** The psychiatrist consulted when the prescriber is not one; counts only with both name and NPI. */
public record ConsultingPsychiatrist(@Size(max = 200) String name, Npi npi) {

    /** Both members present: the only form in which a consultation route accepts it. */
    public boolean named() {
        return name != null && !name.isBlank() && npi != null;
    }
}

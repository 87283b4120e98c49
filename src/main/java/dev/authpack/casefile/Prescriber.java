package dev.authpack.casefile;

import dev.authpack.core.Npi;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

public record Prescriber(@Size(max = 200) String name, Npi npi, Specialty specialty,
                         @Size(max = 200) String phone, @Size(max = 200) String fax,
                         @Valid ConsultingPsychiatrist consultingPsychiatrist) {

    static final Prescriber EMPTY = new Prescriber(null, null, null, null, null, null);

    /** A prescriber as written before contract v1.1 (no consulting psychiatrist). */
    public Prescriber(String name, Npi npi, Specialty specialty, String phone, String fax) {
        this(name, npi, specialty, phone, fax, null);
    }
}

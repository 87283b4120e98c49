package dev.authpack.casefile;

import dev.authpack.core.Npi;
import jakarta.validation.constraints.Size;

public record Prescriber(@Size(max = 200) String name, Npi npi, Specialty specialty,
                         @Size(max = 200) String phone, @Size(max = 200) String fax) {

    static final Prescriber EMPTY = new Prescriber(null, null, null, null, null);
}

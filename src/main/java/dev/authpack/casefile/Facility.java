package dev.authpack.casefile;

import dev.authpack.core.Npi;
import dev.authpack.core.Tin;
import jakarta.validation.constraints.Size;

public record Facility(@Size(max = 200) String name, Npi npi, Tin tin, @Size(max = 200) String address,
                       Boolean remsCertified) {

    static final Facility EMPTY = new Facility(null, null, null, null, null);
}

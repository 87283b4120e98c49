package dev.authpack.casefile;

import dev.authpack.core.Npi;
import dev.authpack.core.Tin;

public record Facility(String name, Npi npi, Tin tin, String address, Boolean remsCertified) {

    static final Facility EMPTY = new Facility(null, null, null, null, null);
}

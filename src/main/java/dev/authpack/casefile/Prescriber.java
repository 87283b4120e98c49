package dev.authpack.casefile;

import dev.authpack.core.Npi;

public record Prescriber(String name, Npi npi, Specialty specialty, String phone, String fax) {

    static final Prescriber EMPTY = new Prescriber(null, null, null, null, null);
}

package dev.authpack.clinic;

import dev.authpack.casefile.Specialty;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One prescriber of the clinic as stored: the members a case's prescriber repeats. */
@Embeddable
class PrescriberEntry {

    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String npi;
    @Enumerated(EnumType.STRING)
    private Specialty specialty;
    private String phone;
    private String fax;

    protected PrescriberEntry() {
    }

    PrescriberEntry(String name, String npi, Specialty specialty, String phone, String fax) {
        this.name = name;
        this.npi = npi;
        this.specialty = specialty;
        this.phone = phone;
        this.fax = fax;
    }

    String name() {
        return name;
    }

    String npi() {
        return npi;
    }

    Specialty specialty() {
        return specialty;
    }

    String phone() {
        return phone;
    }

    String fax() {
        return fax;
    }
}

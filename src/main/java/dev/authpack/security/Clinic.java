package dev.authpack.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A clinic: the unit that owns cases and documents. */
@Entity
@Table(name = "clinics")
class Clinic {

    @Id
    private String id;
    @Column(nullable = false)
    private String name;

    protected Clinic() {
    }

    Clinic(String id, String name) {
        this.id = id;
        this.name = name;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }
}

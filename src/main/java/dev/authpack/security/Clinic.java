package dev.authpack.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * A clinic: the unit that owns cases and documents. Its id never changes (users, cases and the
 * audit trail hold it); its name may. A new clinic is inserted, never merged: two administrators
 * adding the same id at once must not end with one silently renaming the other's clinic.
 */
@Entity
@Table(name = "clinics")
class Clinic implements Persistable<String> {

    @Id
    private String id;
    @Column(nullable = false)
    private String name;
    @Transient
    private boolean stored;

    protected Clinic() {
    }

    Clinic(String id, String name) {
        this.id = id;
        this.name = name;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    void rename(String newName) {
        this.name = newName;
    }
}

package dev.authpack.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the worklist needs of every case of a clinic: the seven list columns that say where the case stands and
 * whose it is, none of the patient's other details. The start page reads one per case on every view (12,500 at
 * a busy clinic), so each column left out is 12,500 values the database sends and the driver decodes. The
 * patient's first and last name, not the stored whole name: the worklist sorts by last name as the case list
 * does, and the whole name is made of the two ({@link Patient#fullName}), as every save stores it.
 */
public record CaseProgress(UUID id, String firstName, String lastName, boolean complete, LocalDate requestedStart,
                           Instant updatedAt, long version) {

    /** The row as the JPQL query builds it; the id is stored as text. */
    CaseProgress(String id, String firstName, String lastName, boolean complete, LocalDate requestedStart,
                 Instant updatedAt, long version) {
        this(UUID.fromString(id), firstName, lastName, complete, requestedStart, updatedAt, version);
    }

    /** "Dana Reyes", or whichever part is known; null when the case names no patient, as its stored name is. */
    public String patientName() {
        String name = Patient.fullName(firstName, lastName);
        return name.isEmpty() ? null : name;
    }

    /** The patient's place in a list sorted by patient; null when the case names no patient. */
    public PatientSortKey sortKey() {
        return patientName() == null ? null : PatientSortKey.of(firstName, lastName);
    }
}

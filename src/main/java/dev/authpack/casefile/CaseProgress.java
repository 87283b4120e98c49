package dev.authpack.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the worklist needs of every case of a clinic: the six list columns that say where the case stands,
 * none of the patient's other details. The start page reads one per case on every view (12,500 at a busy
 * clinic), so each column left out is 12,500 values the database sends and the driver decodes.
 */
public record CaseProgress(UUID id, String patientName, boolean complete, LocalDate requestedStart,
                           Instant updatedAt, long version) {

    /** The row as the JPQL query builds it; the id is stored as text. */
    CaseProgress(String id, String patientName, boolean complete, LocalDate requestedStart, Instant updatedAt,
                 long version) {
        this(UUID.fromString(id), patientName, complete, requestedStart, updatedAt, version);
    }
}

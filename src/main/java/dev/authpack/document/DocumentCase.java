package dev.authpack.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/**
 * The case a document belongs to, as Recent documents lists and searches it: a read-only view of a few
 * columns the case feature keeps on each case's row for its own list (the patient's name, first and last
 * name, birth date, member id and payer, the version and the last change). Mapped here so the page reads what the patient search needs
 * a row a case, and pages in one query joined on {@code documents.case_id}, instead of binding every case's
 * document; {@code casefile} owns and writes the table, this class never does.
 */
@Entity
@Immutable
@Table(name = "cases")
class DocumentCase {

    @Id
    private String id;
    @Column(name = "clinic_id")
    private String clinicId;
    @Column(name = "patient_name")
    private String patientName;
    @Column(name = "patient_first_name")
    private String firstName;
    @Column(name = "patient_last_name")
    private String lastName;
    @Column(name = "birth_date")
    private LocalDate birthDate;
    @Column(name = "member_id")
    private String memberId;
    @Column(name = "payer_name")
    private String payerName;
    private long version;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected DocumentCase() {
    }
}

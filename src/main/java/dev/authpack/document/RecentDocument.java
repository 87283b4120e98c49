package dev.authpack.document;

import dev.authpack.core.ShortReference;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A row of Recent documents: the document, its case's patient and payer as the case list shows them, and, as on the
 * case page, whether it was made before the case last changed (then {@code caseUpdatedAt} says when) and its older
 * identical copies ({@link IdenticalCopies}), newest first. Public members for the page's template.
 */
record RecentDocument(DocumentView document, Patient patient, String payerName, boolean outdated,
                      Instant caseUpdatedAt, List<DocumentView> earlier) {

    /**
     * Who the case is for, as the case list tells patients apart: the name (null while the case has none), the date of
     * birth and the member id (each null while not filled in). Two patients of one name read alike by name alone.
     */
    record Patient(String name, LocalDate dateOfBirth, String memberId) {
    }

    /** The same row with these older copies. */
    RecentDocument withEarlier(List<DocumentView> copies) {
        return new RecentDocument(document, patient, payerName, outdated, caseUpdatedAt, List.copyOf(copies));
    }

    /** The patient's name, or null while the case has none. */
    public String patientName() {
        return patient.name();
    }

    /**
     * The case's short reference, the first 8 characters of its id, as the audit log names cases:
     * it tells apart two cases of one patient (a covered and a self-pay request) that read alike by name.
     */
    public String caseRef() {
        return ShortReference.of(document.caseId());
    }
}

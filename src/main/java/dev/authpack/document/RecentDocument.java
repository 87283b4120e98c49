package dev.authpack.document;

import dev.authpack.core.ShortReference;
import java.time.Instant;
import java.util.List;

/**
 * A row of Recent documents: the document, its case's patient (null while the case has no name),
 * and, as on the case page, whether it was made before the case last changed (then
 * {@code caseUpdatedAt} says when) and its older identical copies ({@link IdenticalCopies}), newest first.
 */
record RecentDocument(DocumentView document, String patientName, boolean outdated, Instant caseUpdatedAt,
                      List<DocumentView> earlier) {

    /** The same row with these older copies. */
    RecentDocument withEarlier(List<DocumentView> copies) {
        return new RecentDocument(document, patientName, outdated, caseUpdatedAt, List.copyOf(copies));
    }

    /**
     * The case's short reference, the first 8 characters of its id, as the audit log names cases:
     * it tells apart two cases of one patient (a covered and a self-pay request) that read alike by name.
     * Public for the page's template.
     */
    public String caseRef() {
        return ShortReference.of(document.caseId());
    }
}

package dev.authpack.desk;

import dev.authpack.casefile.StoredCase;
import dev.authpack.document.DocumentView;
import dev.authpack.document.IdenticalCopies;
import java.util.List;

/**
 * The case's documents as the page lists them: one row per distinct document, newest first, with the older
 * identical copies of it folded under it (by {@link IdenticalCopies}, the rule Recent documents folds by too); a row
 * made before the case last changed is marked outdated.
 */
final class DocumentRows {

    /** A document, whether the case changed after it was made, and its older identical copies. */
    record Row(DocumentView document, boolean outdated, List<DocumentView> earlier) {
    }

    private DocumentRows() {
    }

    /** {@code newestFirst} as {@link dev.authpack.document.DocumentStore#list} returns it. */
    static List<Row> of(List<DocumentView> newestFirst, StoredCase kase) {
        return IdenticalCopies.of(newestFirst).stream()
                .map(c -> new Row(c.newest(), c.newest().madeBefore(kase), c.earlier()))
                .toList();
    }
}

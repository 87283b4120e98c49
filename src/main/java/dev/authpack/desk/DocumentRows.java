package dev.authpack.desk;

import dev.authpack.casefile.StoredCase;
import dev.authpack.document.DocumentView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The case's documents as the page lists them: one row per distinct document (kind, language and
 * the case version it was made from), newest first, with the older copies of the same document
 * folded under it; a row made before the case last changed is marked outdated.
 */
final class DocumentRows {

    /** A document, whether the case changed after it was made, and its older identical copies. */
    record Row(DocumentView document, boolean outdated, List<DocumentView> earlier) {
    }

    private DocumentRows() {
    }

    /** {@code newestFirst} as {@link dev.authpack.document.DocumentStore#list} returns it. */
    static List<Row> of(List<DocumentView> newestFirst, StoredCase kase) {
        Map<List<Object>, List<DocumentView>> groups = new LinkedHashMap<>();
        for (DocumentView d : newestFirst) {
            groups.computeIfAbsent(sameness(d), k -> new ArrayList<>()).add(d);
        }
        return groups.values().stream()
                .map(g -> new Row(g.get(0), g.get(0).madeBefore(kase),
                        List.copyOf(g.subList(1, g.size()))))
                .toList();
    }

    /**
     * Two documents are copies of one another when they are of one kind and language, made from one
     * version of the case under one policy version; documents whose case version was not recorded
     * are never folded, as nothing says they are the same.
     */
    private static List<Object> sameness(DocumentView d) {
        Object version = d.caseVersion() == null ? d.id() : d.caseVersion();
        return java.util.Arrays.asList(d.kind(), Objects.toString(d.language(), ""), version,
                Objects.toString(d.policyVersion(), ""));
    }
}

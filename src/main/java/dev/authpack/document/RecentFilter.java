package dev.authpack.document;

import dev.authpack.casefile.PatientSearch;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/**
 * What Recent documents shows: documents of the patient {@code search} finds (a part of the name, a member
 * id or a birth date, as on the case list: {@link PatientSearch}; "" for every patient), of one {@code kind}
 * (null for every kind), on {@code page} (from 1) of 50, newest first. The search comes from the session,
 * never from the address; kind and page do. The methods the page calls are public: the template's
 * expressions reach public methods only.
 */
record RecentFilter(String search, DocumentKind kind, int page) {

    static final int PAGE_SIZE = 50;
    /** Farther back than any clinic's documents reach; keeps the row offset an int. */
    static final int MAX_PAGE = 100_000;

    /** The filter from the session's search and the address's kind and page; anything unreadable means none. */
    static RecentFilter of(String search, String kind, String page) {
        return new RecentFilter(search == null ? "" : search.strip(), kind(kind), number(page));
    }

    /** The same filter on page {@code number}. */
    RecentFilter onPage(int number) {
        return new RecentFilter(search, kind, number);
    }

    /** A document kind by its name in any case, or null (every kind) for anything else. */
    static DocumentKind kind(String text) {
        for (DocumentKind k : DocumentKind.values()) {
            if (k.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return k;
            }
        }
        return null;
    }

    /** Whether anything narrows the list: then an empty page says nothing matches, not that there is nothing. */
    public boolean narrowed() {
        return !search.isEmpty() || kind != null;
    }

    /** The kinds the query accepts. */
    Set<DocumentKind> kinds() {
        return kind == null ? EnumSet.allOf(DocumentKind.class) : EnumSet.of(kind);
    }

    /** The patient searched for, by the case list's rule. */
    PatientSearch patient() {
        return PatientSearch.of(search);
    }

    Pageable pageable() {
        return PageRequest.of(page - 1, PAGE_SIZE);
    }

    /** The position of this page's first row among all that match, from 1. */
    public int first() {
        return (page - 1) * PAGE_SIZE + 1;
    }

    private static int number(String page) {
        try {
            return Math.min(Math.max(Integer.parseInt(page == null ? "" : page.strip()), 1), MAX_PAGE);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}

package dev.authpack.document;

import dev.authpack.casefile.PatientNameKey;
import dev.authpack.core.TypedText;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/**
 * What Recent documents shows: documents whose patient's name contains {@code name} (any case; ""
 * for every name), of one {@code kind} (null for every kind), on {@code page} (from 1) of 50,
 * newest first. The name comes from the session, never from the address; kind and page do. The
 * methods the page calls are public: the template's expressions reach public methods only.
 */
record RecentFilter(String name, DocumentKind kind, int page) {

    static final int PAGE_SIZE = 50;
    /** Farther back than any clinic's documents reach; keeps the row offset an int. */
    static final int MAX_PAGE = 100_000;
    /** Marks the pattern's own characters in a typed name as plain text (a name may hold "_"). */
    private static final char ESCAPE = '!';

    /** The filter from the session's name and the address's kind and page; anything unreadable means none. */
    static RecentFilter of(String name, String kind, String page) {
        return new RecentFilter(name == null ? "" : name.strip(), kind(kind), number(page));
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
        return !name.isEmpty() || kind != null;
    }

    /** The kinds the query accepts. */
    Set<DocumentKind> kinds() {
        return kind == null ? EnumSet.allOf(DocumentKind.class) : EnumSet.of(kind);
    }

    /** Whether a name could contain the searched text: not when it holds a character no name has (a NUL, a control character). */
    boolean searchable() {
        return TypedText.isTypeable(name);
    }

    /** The name as a LIKE pattern (escape character {@code !}) for the name's key: anywhere in it, taken literally. */
    String namePattern() {
        StringBuilder pattern = new StringBuilder("%");
        for (char c : PatientNameKey.of(name).toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
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

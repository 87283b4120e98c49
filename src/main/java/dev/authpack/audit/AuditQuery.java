package dev.authpack.audit;

import java.time.LocalDate;
import java.util.StringJoiner;

/**
 * Which audit events to show: every filter is optional (null means any); dates are whole days in
 * UTC, both ends included. Page numbers start at 0. {@code documentId} is a document's or attachment's
 * id or reference, as {@code caseId} is a case's. {@code lists} says whether list reads are shown (never null).
 */
record AuditQuery(String user, String caseId, String documentId, String action, ListReads lists, LocalDate from,
                  LocalDate to, int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;
    /** The width of audit_events.detail. */
    private static final int MAX_DETAIL = 400;

    AuditQuery {
        user = blankToNull(user);
        caseId = blankToNull(caseId);
        documentId = blankToNull(documentId);
        action = blankToNull(action);
        lists = lists == null ? ListReads.INCLUDE : lists;
    }

    /** The same filters on page {@code number}. */
    AuditQuery onPage(int number) {
        return new AuditQuery(user, caseId, documentId, action, lists, from, to, number, size);
    }

    /**
     * The filters, for the audit row of whoever read or exported the trail with them ("user=… case=… action=…
     * lists=exclude", "all events"): user names, ids, an action, a choice and dates only, never a patient's data. Not
     * the page: which filters were used says what was looked for.
     */
    String filters() {
        StringJoiner s = new StringJoiner(" ");
        s.setEmptyValue("all events");
        add(s, "user", user);
        add(s, "case", caseId);
        add(s, "document", documentId);
        add(s, "action", action);
        add(s, "lists", lists == ListReads.INCLUDE ? null : lists.parameter());
        add(s, "from", from);
        add(s, "to", to);
        String text = s.toString();
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL);
    }

    private static void add(StringJoiner s, String name, Object value) {
        if (value != null) {
            s.add(name + "=" + value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

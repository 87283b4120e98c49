package dev.authpack.audit;

import java.time.LocalDate;

/**
 * Which audit events to show: every filter is optional (null means any); dates are whole days in
 * UTC, both ends included. Page numbers start at 0. {@code documentId} is a document's or attachment's
 * id or reference, as {@code caseId} is a case's.
 */
record AuditQuery(String user, String caseId, String documentId, String action, LocalDate from, LocalDate to,
                  int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    AuditQuery {
        user = blankToNull(user);
        caseId = blankToNull(caseId);
        documentId = blankToNull(documentId);
        action = blankToNull(action);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

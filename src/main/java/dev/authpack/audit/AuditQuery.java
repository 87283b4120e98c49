package dev.authpack.audit;

import java.time.LocalDate;

/**
 * Which audit events to show: every filter is optional (null means any); dates are whole days in
 * UTC, both ends included. Page numbers start at 0.
 */
record AuditQuery(String user, String caseId, String action, LocalDate from, LocalDate to, int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    AuditQuery {
        user = blankToNull(user);
        caseId = blankToNull(caseId);
        action = blankToNull(action);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

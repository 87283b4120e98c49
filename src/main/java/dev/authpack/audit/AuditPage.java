package dev.authpack.audit;

import java.util.List;

/** One page of audit events, newest first, with what a client needs to fetch the next. */
record AuditPage(List<AuditEntry> items, int page, int size, long totalItems, int totalPages) {
}

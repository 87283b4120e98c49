package dev.authpack.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The audit log as CSV: the readable columns of the page, then the raw ids, one event a row. */
final class AuditCsv {

    static final List<String> HEADER = List.of("occurred_at_utc", "user", "user_name", "clinic", "action",
            "action_text", "target", "outcome", "grants_access_to", "client_address", "case_id", "document_id",
            "target_user", "detail");

    private AuditCsv() {
    }

    static byte[] of(List<AuditLine> lines) {
        StringBuilder out = new StringBuilder(CsvCells.row(HEADER));
        for (AuditLine l : lines) {
            AuditEntry e = l.entry();
            out.append(CsvCells.row(Arrays.asList(e.occurredAt().toString(), e.username(), l.who(), l.clinic(),
                    e.action(), l.what(), l.target(), l.outcome(), l.grantsAccessTo(), e.clientAddress(), e.caseId(),
                    e.documentId(), e.targetUser(), e.detail())));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}

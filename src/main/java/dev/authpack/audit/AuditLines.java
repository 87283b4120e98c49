package dev.authpack.audit;

import dev.authpack.core.ShortReference;
import dev.authpack.security.UserDirectory;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Turns recorded ids into words for the audit page and its CSV (see {@link AuditLine}). */
@Component
class AuditLines {

    private final UserDirectory directory;
    private final MessageSource messages;

    AuditLines(UserDirectory directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    List<AuditLine> of(List<AuditEntry> entries) {
        return of(entries, null);
    }

    /**
     * As {@link #of(List)}, for the trail filtered by {@code caseFilter} (a case id or reference, or null): a list
     * read found by it says that the case was among the cases it showed.
     */
    List<AuditLine> of(List<AuditEntry> entries, String caseFilter) {
        Map<String, String> people = directory.displayNames();
        Map<String, String> clinics = directory.clinicNames();
        return entries.stream().map(e -> line(e, people, clinics, caseFilter)).toList();
    }

    private AuditLine line(AuditEntry e, Map<String, String> people, Map<String, String> clinics, String caseFilter) {
        String clinic = e.clinicId() == null ? null : clinics.getOrDefault(e.clinicId(), e.clinicId());
        boolean aboutDocument = casesShown(e) == null && e.targetUser() == null && e.documentId() != null;
        return new AuditLine(e, person(e.username(), people), clinic, word("audit.action." + e.action(), e.action()),
                target(e, people, clinic, caseFilter), word("audit.outcome." + e.outcome(), e.outcome()),
                e.grantsAccessTo(),
                // the words of target's first part, as the CSV has them
                aboutDocument ? msg(e.caseId() != null && isAttachment(e) ? "audit.target.attachmentAlone"
                        : "audit.target.documentAlone", shortId(e.documentId()), kind(e)) : null,
                aboutDocument && e.caseId() != null ? kase(e, clinic) : null);
    }

    private String target(AuditEntry e, Map<String, String> people, String clinic, String caseFilter) {
        Integer shown = casesShown(e);
        if (shown != null) {
            // one line for the whole list, however many patients it showed; filtered by a case, it is there
            // because that case was among them
            String all = msg("audit.target.casesShown", shown);
            return caseFilter == null ? all : msg("audit.target.caseAmongShown", clinic == null
                    ? msg("audit.target.case", shortId(caseFilter))
                    : msg("audit.target.caseOfClinic", shortId(caseFilter), clinic), shown);
        }
        if (e.targetUser() != null) {
            return msg("audit.target.user", person(e.targetUser(), people));
        }
        if (e.caseId() != null) {
            String kase = kase(e, clinic);
            if (e.documentId() == null) {
                return kase;
            }
            return msg(isAttachment(e) ? "audit.target.attachment" : "audit.target.document", shortId(e.documentId()),
                    kase, kind(e));
        }
        if (e.documentId() != null) {
            // a refused request for a document (another clinic's, or none) names no case: the page showed nothing
            // where the API and the CSV name the document, and an auditor could not see what was asked for
            return msg("audit.target.documentAlone", shortId(e.documentId()), kind(e));
        }
        return e.detail();
    }

    /**
     * What the document is ("packet", "cost estimate"), so that "who saw the packet?" is read off the lines rather
     * than by matching ids against the "generated a packet" ones; "document" when the row names no generated one.
     */
    private String kind(AuditEntry e) {
        return e.documentKind() == null ? msg("audit.document") : word("audit.document." + e.documentKind(),
                msg("audit.document"));
    }

    private String kase(AuditEntry e, String clinic) {
        return clinic == null ? msg("audit.target.case", shortId(e.caseId()))
                : msg("audit.target.caseOfClinic", shortId(e.caseId()), clinic);
    }

    /** Whether the document a row names is an attachment (its own actions, a request for one, a replayed upload). */
    private static boolean isAttachment(AuditEntry e) {
        return e.action().startsWith("ATTACHMENT") || RequestedIds.ATTACHMENT_DETAIL.equals(e.detail())
                || isReplayedAttachmentWrite(e);
    }

    /**
     * A replayed attachment upload or restore: its row names the attachment its answer held, its detail the path it
     * was sent to ({@code POST …/attachments}, {@code POST …/attachments/{id}/restore}).
     */
    private static boolean isReplayedAttachmentWrite(AuditEntry e) {
        return AuditAction.REQUEST_REPLAYED.name().equals(e.action()) && e.detail() != null
                && (e.detail().endsWith("/attachments") || e.detail().contains("/attachments/"));
    }

    /** The number of cases a list read showed ({@link AuditLog#recordList}), or null for any other line. */
    private static Integer casesShown(AuditEntry e) {
        String detail = e.detail();
        if (e.caseId() != null || e.documentId() != null || e.targetUser() != null || detail == null
                || !detail.startsWith(AuditLog.CASES_SHOWN)) {
            return null;
        }
        String n = detail.substring(AuditLog.CASES_SHOWN.length());
        return !n.isEmpty() && n.length() < 10 && n.chars().allMatch(Character::isDigit) ? Integer.valueOf(n) : null;
    }

    static String person(String username, Map<String, String> people) {
        if (username == null) {
            return null;
        }
        String name = people.get(username);
        return name == null ? username : name + " (" + username + ")";
    }

    static String shortId(String id) {
        return ShortReference.of(id);
    }

    private String word(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}

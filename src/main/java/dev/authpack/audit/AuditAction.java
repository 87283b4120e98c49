package dev.authpack.audit;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every kind of thing the audit trail records, in one place. The name is what the audit table,
 * the audit API and its CSV hold, so a constant is never renamed: add a new one instead.
 */
public enum AuditAction {
    // cases
    CASES_LISTED, CASE_CREATED, CASE_READ, CASE_UPDATED, COMPLETENESS_CHECKED,
    // chart notes
    ATTACHMENT_UPLOADED, ATTACHMENTS_LISTED,
    // an attachment's PDF read (like a document download); taken out of the case (the row stays); the list reordered
    ATTACHMENT_OPENED, ATTACHMENT_REMOVED, ATTACHMENTS_REORDERED,
    // a removed attachment put back in the case (and in new packets)
    ATTACHMENT_RESTORED,
    // generated documents
    PACKET_GENERATED, ESTIMATE_GENERATED, DOCUMENTS_LISTED, DOCUMENT_DOWNLOADED, DOCUMENT_PREVIEWED,
    // FHIR: a case started from a bundle (REJECTED when refused); a case read out as a PAS bundle
    FHIR_IMPORTED, FHIR_EXPORTED,
    // the authorization lifecycle: one action per event type (AUTH_EVENT: a body without a valid type)
    AUTH_SUBMITTED, AUTH_PENDED, AUTH_APPROVED, AUTH_DENIED, AUTH_APPEALED, AUTH_WITHDRAWN, AUTH_SESSION_GIVEN,
    AUTH_EVENT, AUTH_EVENTS_LISTED, WORKLIST_VIEWED, REAUTHORIZATION_STARTED, APPEAL_PACKET_GENERATED,
    // sign-in and accounts
    LOGIN, API_LOGIN, LOGOUT, ACCOUNT_LOCKED, USER_CREATED, PASSWORD_RESET,
    SESSION_ENDED, USER_DISABLED, USER_ENABLED, ACCESS_CHANGED,
    // an administrator cleared an account's lock after failed sign-ins
    USER_UNLOCKED,
    // an administrator changed the name an account's person goes by (shown in the audit log and on the users page)
    USER_RENAMED,
    // refusals seen at the edge
    ACCESS_DENIED, NOT_FOUND,
    // payer policy versions uploaded by an administrator (detail: policy, version, sha256)
    POLICY_UPLOADED, POLICY_UPLOAD_REFUSED, POLICY_PREVIEWED,
    // a case's stored complete flag (and status) rewritten because an upload changed its verdict
    // (case id; detail: policy, version, complete before and after); recorded for the uploader
    CASE_COMPLETENESS_RECOMPUTED,
    // a start-up found the files under templates/ that judge cases changed since the stored flags were computed
    // and judged every case again (no user; detail: fingerprints before and after, cases judged, flags changed);
    // each flag it rewrote is a CASE_COMPLETENESS_RECOMPUTED with the case id
    CONTENT_REJUDGED,
    // the trail itself
    AUDIT_VIEWED,
    // the filtered trail downloaded as CSV (detail: the filters)
    AUDIT_EXPORTED,
    // operations
    BACKUP_CREATED,
    // the clinic profile replaced (detail: clinic id, prescriber count); a case copied as a new case
    CLINIC_PROFILE_CHANGED, CASE_COPIED,
    // an administrator added a clinic or changed its name (detail: clinic id); neither grants access to anyone
    CLINIC_CREATED, CLINIC_RENAMED,
    // an API write sent again with its Idempotency-Key: the kept answer shown again, nothing done twice
    // (case id when the answer concerns one; detail: method and path)
    REQUEST_REPLAYED;

    /**
     * The actions of lists that show cases among others: the case list (and its search, the API's, the duplicates
     * it warns of), the worklist, the Documents page ({@link AuditLog#recordList}). A row of one of them that names
     * no case of its own is a <em>list read</em>: the case was one line among many, not opened. DOCUMENTS_LISTED
     * also records one case's documents asked for by that case's id, and that row names the case: a read of the case
     * like opening it. At a busy clinic most rows of a case are list reads (385 of 402 at one), so the audit page and
     * API can leave them out or show them alone ({@link ListReads}); this set is the one place that says which.
     */
    private static final Set<AuditAction> LISTING_CASES = EnumSet.of(CASES_LISTED, WORKLIST_VIEWED, DOCUMENTS_LISTED);

    /** The actions whose rows are list reads when they name no case of their own (the rule above). */
    static Set<AuditAction> listingCases() {
        return LISTING_CASES;
    }
}

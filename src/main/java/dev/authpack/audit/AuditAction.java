package dev.authpack.audit;

/**
 * Every kind of thing the audit trail records, in one place. The name is what the audit table,
 * the audit API and its CSV hold, so a constant is never renamed: add a new one instead.
 */
public enum AuditAction {
    // cases
    CASES_LISTED, CASE_CREATED, CASE_READ, CASE_UPDATED, COMPLETENESS_CHECKED,
    // chart notes
    ATTACHMENT_UPLOADED,
    // generated documents
    PACKET_GENERATED, ESTIMATE_GENERATED, DOCUMENTS_LISTED, DOCUMENT_DOWNLOADED, DOCUMENT_PREVIEWED,
    // sign-in and accounts
    LOGIN, API_LOGIN, LOGOUT, ACCOUNT_LOCKED, USER_CREATED, PASSWORD_RESET,
    // refusals seen at the edge
    ACCESS_DENIED, NOT_FOUND,
    // payer policy versions uploaded by an administrator (detail: policy, version, sha256)
    POLICY_UPLOADED, POLICY_UPLOAD_REFUSED,
    // the trail itself
    AUDIT_VIEWED
}

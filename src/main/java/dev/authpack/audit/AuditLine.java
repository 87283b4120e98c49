package dev.authpack.audit;

/**
 * One audit event as a person reads it: who by name, what in words, and what it concerned — a case,
 * document or attachment by a short reference and clinic (administrators see no patient data, so
 * never a patient's name), a user account by name. The ids stay beside the words for the CSV and filters.
 * {@code grantsAccessTo} stays the clinic id, as the users page names it ("grants access to clinic north").
 * For a row about a document or attachment the page also has {@code target}'s two parts, so that each links to its
 * own filter: {@code document} ("packet 3f2b1c0a": the document's kind, or "document" when the id names no generated
 * one; "attachment 3f2b1c0a"; null for any other row) and {@code ofCase} ("case 7d4e9a21 of North Clinic", null when
 * no case is named).
 */
record AuditLine(AuditEntry entry, String who, String clinic, String what, String target, String outcome,
                 String grantsAccessTo, String document, String ofCase) {
}

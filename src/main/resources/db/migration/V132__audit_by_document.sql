-- Plain SQL: runs unchanged on H2 and PostgreSQL.
-- The audit trail filtered by a document or attachment (its id, or the 8-character reference the log shows:
-- a prefix) reads the rows naming it from this index, as the case filter does from audit_by_case, instead of
-- walking every row of the trail.
CREATE INDEX audit_by_document ON audit_events (document_id);

-- PostgreSQL only: H2 compares strings by code point and already serves a prefix from its plain indexes.
-- The audit trail filtered by the 8-character reference the log shows (a case's or a document's) asks for
-- the ids that start with it, `case_id LIKE 'abcd1234%'` (AuditSearch). A plain index is ordered by the
-- database's collation, and under any collation but "C" (en_US.UTF-8, ICU, even C.UTF-8) PostgreSQL cannot
-- turn a LIKE prefix into a range of it: every such filter read the whole trail, which grows by a row at
-- every read of a case. An index in varchar_pattern_ops is ordered byte by byte whatever the collation, so
-- the prefix becomes a range of it; it serves equality (the full id) too, and nothing sorts or compares these
-- ids by < or >, so it replaces the plain index under the same name rather than adding a second index to
-- the table every request writes to.
-- In the migration's transaction, not CONCURRENTLY: an upgrade stops every instance of the old release first
-- (docs/deploy.md, "Upgrading to a new release"), so no writer waits for the build (about 1 s per million
-- audit rows), and a failed build rolls back whole instead of leaving an invalid index to drop by hand.
CREATE INDEX audit_by_case_pattern ON audit_events (case_id varchar_pattern_ops);
DROP INDEX audit_by_case;
ALTER INDEX audit_by_case_pattern RENAME TO audit_by_case;
CREATE INDEX audit_by_document_pattern ON audit_events (document_id varchar_pattern_ops);
DROP INDEX audit_by_document;
ALTER INDEX audit_by_document_pattern RENAME TO audit_by_document;
-- "Which chunks hold the cases with this reference" (the list reads that showed a case, V131): the key
-- (case_id, chunk_id) answers a full id only. With chunk_id, the look-up reads this index alone.
CREATE INDEX audit_case_chunk_members_by_prefix ON audit_case_chunk_members (case_id varchar_pattern_ops, chunk_id);

-- Plain SQL: runs unchanged on H2 and PostgreSQL.
-- Recent documents' first page reads a clinic's documents newest first (created_at, then the insertion order seq)
-- and stops at 51 rows. H2 reads rows in an index's order, and stops early, only when the index holds the ORDER BY's
-- columns in its own order and direction: (clinic_id, created_at) ascending did not, so H2 read and sorted all the
-- clinic's documents for every first page (0.4-0.7 s at 50,000; docs/performance.md, "Recent documents' first page
-- on H2"). The two indexes by clinic are made again with created_at and seq descending, under the same names;
-- PostgreSQL walks a B-tree either way and uses them as before (PostgresRecentDocumentsPlansTest).
DROP INDEX documents_by_clinic;
CREATE INDEX documents_by_clinic ON documents (clinic_id, created_at DESC, seq DESC);
DROP INDEX documents_by_clinic_and_kind;
CREATE INDEX documents_by_clinic_and_kind ON documents (clinic_id, kind, created_at DESC, seq DESC);

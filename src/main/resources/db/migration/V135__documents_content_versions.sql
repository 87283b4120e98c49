-- Every document records the versions of the business content of templates/ it was made from besides its
-- policy and template ("fee-schedules clinic-standard 2026.2; codes FY2026" for an estimate, "drugs 2026.1;
-- codes FY2026" for a packet), so that a document made after a fee schedule, the drug catalog or the code
-- table changed is not folded as an identical copy of one made before (IdenticalCopies). NULL for documents
-- made before this migration: they keep folding among themselves as they did (NULL and '' are one there).
-- Plain SQL: runs unchanged on H2 and PostgreSQL.
ALTER TABLE documents ADD COLUMN content_versions VARCHAR(500);

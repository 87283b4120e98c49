-- Every document records the version of the case it was made from, so a packet or estimate made
-- before the case last changed can be marked as outdated; and the language an estimate was made in,
-- so the list can say "Cost estimate — Spanish". Both stay NULL for documents made before this
-- migration (the page then compares the document's time with the case's last change).
-- Plain SQL: runs unchanged on H2 and PostgreSQL.
ALTER TABLE documents ADD COLUMN case_version BIGINT;
ALTER TABLE documents ADD COLUMN language VARCHAR(10);

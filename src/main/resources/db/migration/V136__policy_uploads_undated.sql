-- An uploaded policy version may leave out effectiveFrom, as a single-version shipped file may: it is then
-- in force from the beginning (of versions with one effectiveFrom, the one stored later). NULL here is that
-- absent date. Rows stored before keep their date. Dropping NOT NULL rewrites no row.
-- Plain SQL: runs unchanged on H2 and PostgreSQL.
ALTER TABLE policy_uploads ALTER COLUMN effective_from DROP NOT NULL;

-- Issue #17 point 9. Plain SQL: runs unchanged on H2 and PostgreSQL.
-- The name a person goes by, shown beside the user name on the admin pages and in the audit log
-- (staff names, not patient data). Optional: accounts made before it show their user name alone.
ALTER TABLE users ADD COLUMN display_name VARCHAR(200);

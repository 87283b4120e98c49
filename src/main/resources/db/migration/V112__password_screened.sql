-- Issue #13 (start-up). Plain SQL: runs unchanged on H2 and PostgreSQL.
-- True once the account's password is known not to be the published demo password: set through the
-- password rules (which refuse it), or checked once by the start-up guard. The guard then checks only
-- the others, so a start no longer pays one BCrypt comparison (~0.1 s) per account.
ALTER TABLE users ADD COLUMN password_screened BOOLEAN DEFAULT FALSE NOT NULL;

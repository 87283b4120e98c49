-- Issue #16. Plain SQL: runs unchanged on H2 and PostgreSQL.
-- A web session remembers the epoch its user had at sign-in; a password change or reset, disabling
-- the account, or a change of role or clinic increments it, so every session of that user ends at
-- its next request, whichever instance or session store holds it.
ALTER TABLE users ADD COLUMN session_epoch BIGINT DEFAULT 0 NOT NULL;
-- An administrator's action that lets an account read a clinic's patient data names that clinic.
ALTER TABLE audit_events ADD COLUMN grants_access_to VARCHAR(64);

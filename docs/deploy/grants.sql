-- What the least-privileged role authpack_app may do in Authpack's database on PostgreSQL
-- (docs/deploy.md, "Database users"). The roles and the database exist already
-- (docs/deploy/create-database.sql, once, by a superuser). Run this as the owner of the schema, the
-- plain login role Flyway migrates with, after the migrations have run:
--   psql -h DBHOST -U authpack_owner -d authpack -v ON_ERROR_STOP=1 -f docs/deploy/grants.sql
-- and run the application as authpack_app, with Flyway still migrating as the owner
-- (SPRING_FLYWAY_USER / SPRING_FLYWAY_PASSWORD). Creates no role, so the owner needs no CREATEROLE.
-- Safe to run again after every upgrade; a superuser may run it too. PostgresOperationsTest runs it
-- as the non-superuser owner (and once as a superuser) and proves its effect.

GRANT USAGE ON SCHEMA public TO authpack_app;

-- Reading and writing the working tables (cases, users, documents, attachments, sessions, job locks).
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO authpack_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO authpack_app;
-- Tables a later migration creates get the same, without running this file again. FOR ROLE: default
-- privileges belong to the role that creates the tables (Flyway's, the owner); without it they would
-- belong to whoever runs this file, and a superuser running it would leave later tables unreadable.
ALTER DEFAULT PRIVILEGES FOR ROLE authpack_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO authpack_app;
ALTER DEFAULT PRIVILEGES FOR ROLE authpack_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO authpack_app;

-- The audit trail is append-only: the application may add rows and read them, never change or remove one.
REVOKE ALL ON audit_events FROM authpack_app;
GRANT SELECT, INSERT ON audit_events TO authpack_app;
-- The sets of cases list reads showed (V131), which audit rows name: append-only with them.
REVOKE ALL ON audit_case_sets, audit_case_set_chunks, audit_case_chunks, audit_case_chunk_members FROM authpack_app;
GRANT SELECT, INSERT ON audit_case_sets, audit_case_set_chunks, audit_case_chunks, audit_case_chunk_members
    TO authpack_app;

-- Uploaded policy versions are append-only too (docs/policies.md, migration V80): a correction is a new
-- version. The service only reads and inserts them (dev.authpack.policy.PolicyUploads).
REVOKE ALL ON policy_uploads FROM authpack_app;
GRANT SELECT, INSERT ON policy_uploads TO authpack_app;

-- Migrations are the owner's: the application only reads their history (Flyway's check at start-up).
REVOKE ALL ON flyway_schema_history FROM authpack_app;
GRANT SELECT ON flyway_schema_history TO authpack_app;

-- Least-privilege database user for Authpack on PostgreSQL (docs/deploy.md, "Database users").
-- Run as the owner of the schema (the user Flyway migrates with), after the migrations have run:
--   psql -h DBHOST -U authpack_owner -d authpack -v ON_ERROR_STOP=1 -f docs/deploy/grants.sql
-- then give the role a password (ALTER ROLE authpack_app PASSWORD '...') and run the application as
-- authpack_app, with Flyway still migrating as the owner (SPRING_FLYWAY_USER / SPRING_FLYWAY_PASSWORD).
-- Safe to run again after every upgrade. PostgresOperationsTest runs this file and proves its effect.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authpack_app') THEN
        CREATE ROLE authpack_app LOGIN;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO authpack_app;

-- Reading and writing the working tables (cases, users, documents, attachments, sessions, job locks).
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO authpack_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO authpack_app;
-- Tables a later migration creates get the same, without running this file again.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO authpack_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO authpack_app;

-- The audit trail is append-only: the application may add rows and read them, never change or remove one.
REVOKE ALL ON audit_events FROM authpack_app;
GRANT SELECT, INSERT ON audit_events TO authpack_app;

-- Migrations are the owner's: the application only reads their history (Flyway's check at start-up).
REVOKE ALL ON flyway_schema_history FROM authpack_app;
GRANT SELECT ON flyway_schema_history TO authpack_app;

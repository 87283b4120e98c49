-- One-time set-up of Authpack's database on PostgreSQL (docs/deploy.md, "Database users"). Run ONCE
-- as a superuser (or a role with CREATEROLE and CREATEDB), connected to the maintenance database:
--   psql -h DBHOST -U postgres -d postgres -v ON_ERROR_STOP=1 -f docs/deploy/create-database.sql
-- then give both roles their passwords in the same way (psql asks; nothing lands in a shell history):
--   psql -h DBHOST -U postgres -d postgres -c '\password authpack_owner'
--   psql -h DBHOST -U postgres -d postgres -c '\password authpack_app'
-- Everything after this (migrations, docs/deploy/grants.sql) runs as authpack_owner, a plain login role:
-- it owns the database, and so, on PostgreSQL 15 and newer, its schema public (owned by
-- pg_database_owner), where it creates the tables. PostgresOperationsTest runs this file as postgres.

-- the owner of the schema: Flyway migrates as it; nobody else uses it
CREATE ROLE authpack_owner LOGIN;
-- the least-privileged role the service runs as; docs/deploy/grants.sql gives it its rights
CREATE ROLE authpack_app LOGIN;
CREATE DATABASE authpack OWNER authpack_owner;

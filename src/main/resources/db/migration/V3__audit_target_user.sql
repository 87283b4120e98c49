-- User administration is audited too: the account an administrator created or reset.
-- Plain SQL: runs unchanged on H2 and PostgreSQL.
ALTER TABLE audit_events ADD COLUMN target_user VARCHAR(100);
CREATE INDEX audit_by_user ON audit_events (username, occurred_at);

-- One row that every policy upload updates first in the transaction that stores it: the row lock
-- queues uploads one behind the other on every instance sharing the database, so each is checked
-- and judged against every version stored before it (two uploads at once could otherwise both take
-- one effectiveFrom, or rewrite the stored complete of the same cases each by its own verdict).
-- Plain SQL: runs unchanged on H2 and PostgreSQL.
CREATE TABLE policy_upload_lock (
    id      INT    PRIMARY KEY,
    uploads BIGINT NOT NULL
);
INSERT INTO policy_upload_lock (id, uploads) VALUES (1, 0);

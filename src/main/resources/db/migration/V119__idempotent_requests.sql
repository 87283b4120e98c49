-- Plain SQL: runs unchanged on H2 and PostgreSQL.
-- The answers kept for API writes sent with an Idempotency-Key, so a client that lost an answer (a
-- timeout, a dropped connection, an instance killed after answering) can send the same request again
-- and get the first answer instead of a second case, packet or upload. One row per sender, clinic and
-- key (id: SHA-256 of the three); status is NULL while the first request is still being answered.
-- Rows are deleted after authpack.idempotency.retention (24 hours by default).
CREATE TABLE idempotent_requests (
    id           VARCHAR(64)   PRIMARY KEY,
    username     VARCHAR(100)  NOT NULL,
    method       VARCHAR(10)   NOT NULL,
    target       VARCHAR(2000) NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    fingerprint  VARCHAR(64),
    status       INTEGER,
    content_type VARCHAR(200),
    location     VARCHAR(2000),
    body         BYTEA
);
CREATE INDEX idempotent_requests_by_start ON idempotent_requests (started_at);

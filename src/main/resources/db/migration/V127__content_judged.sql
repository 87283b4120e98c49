-- The files under templates/ that judge cases (policies/, drugs/, codes/) as the stored complete flags and
-- statuses were last computed with: a fingerprint of them, and what the last start-up that found them changed
-- re-judged. One row, locked by the instance that compares and re-judges, so instances started at once on one
-- database re-judge once. A NULL fingerprint: not recorded yet (the first start of this release records it).
-- Plain SQL: runs unchanged on H2 and PostgreSQL.
CREATE TABLE content_judged (
    id            INT         PRIMARY KEY,
    fingerprint   VARCHAR(64),
    changed_at    TIMESTAMP WITH TIME ZONE,
    cases_judged  INT,
    flags_changed INT
);
INSERT INTO content_judged (id) VALUES (1);

-- Plain SQL: runs unchanged on H2 and PostgreSQL.
-- Each case's authorization as its events leave it, kept beside them: the worklist, the case list and
-- GET /cases answer every case's status, and replaying the whole clinic's history on each request grew
-- with every event (11,000 events: ~100 ms of the worklist's 200). Written in the transaction that
-- records an event, from the replay of all of the case's events; V118 (dev.authpack.authorization)
-- fills it for the events recorded before. EXPIRED is not stored: it depends on the day it is read.
CREATE TABLE case_authorizations (
    case_id              VARCHAR(36)  PRIMARY KEY REFERENCES cases (id),
    clinic_id            VARCHAR(64)  NOT NULL,
    status               VARCHAR(20)  NOT NULL,
    submitted_on         DATE,
    channel              VARCHAR(10),
    payer_reference      VARCHAR(200),
    decided_on           DATE,
    authorization_number VARCHAR(200),
    approved_from        DATE,
    approved_to          DATE,
    approved_sessions    INTEGER,
    sessions_used        INTEGER      NOT NULL,
    sessions_left        INTEGER,
    denial_reason        VARCHAR(2000),
    appeal_deadline      DATE
);
CREATE INDEX case_authorizations_by_clinic ON case_authorizations (clinic_id);

-- Generated documents and uploaded attachments. Runs unchanged on H2 and PostgreSQL: BYTEA is
-- PostgreSQL's byte string and an H2 alias of VARBINARY; no large-object types (PostgreSQL's oid
-- BLOBs outlive their rows).

-- Immutable: a row is written once, when its PDF is complete, and never updated; generating again
-- adds a row. The bytes served are the bytes hashed.
CREATE TABLE documents (
    id               VARCHAR(36)  PRIMARY KEY,
    case_id          VARCHAR(36)  NOT NULL REFERENCES cases (id),
    clinic_id        VARCHAR(64)  NOT NULL,
    kind             VARCHAR(20)  NOT NULL,
    content          BYTEA        NOT NULL,
    sha256           VARCHAR(64)  NOT NULL,
    pages            INTEGER      NOT NULL,
    policy_id        VARCHAR(200),
    policy_version   VARCHAR(40),
    template_version VARCHAR(100),
    created_by       VARCHAR(100) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX documents_by_case ON documents (case_id, created_at);

-- Clinical notes uploaded as PDFs, already cleaned of scripts, embedded files and form actions.
CREATE TABLE attachments (
    id          VARCHAR(36)  PRIMARY KEY,
    case_id     VARCHAR(36)  NOT NULL REFERENCES cases (id),
    clinic_id   VARCHAR(64)  NOT NULL,
    title       VARCHAR(200) NOT NULL,
    content     BYTEA        NOT NULL,
    sha256      VARCHAR(64)  NOT NULL,
    pages       INTEGER      NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX attachments_by_case ON attachments (case_id, created_at);

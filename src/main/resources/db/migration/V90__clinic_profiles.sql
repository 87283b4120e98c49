-- The clinic profile (issue #17.3): what every case of a clinic repeats (facility, REMS setting,
-- the usual billing line) and the clinic's prescribers, so a new case starts filled in.
-- Plain SQL types only: runs unchanged on H2 and PostgreSQL.

CREATE TABLE clinic_profiles (
    clinic_id        VARCHAR(64)  PRIMARY KEY REFERENCES clinics (id),
    facility_name    VARCHAR(200),
    facility_npi     VARCHAR(10),
    facility_tin     VARCHAR(10),
    facility_address VARCHAR(200),
    rems_setting_id  VARCHAR(40),
    fee_code         VARCHAR(20),
    fee_units        INTEGER,
    version          BIGINT       NOT NULL,
    updated_by       VARCHAR(100) NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The clinic's prescribers in the order the profile page lists them (list_index 0..n-1).
CREATE TABLE clinic_prescribers (
    clinic_id  VARCHAR(64)  NOT NULL REFERENCES clinic_profiles (clinic_id),
    list_index INTEGER      NOT NULL,
    name       VARCHAR(200) NOT NULL,
    npi        VARCHAR(10)  NOT NULL,
    specialty  VARCHAR(20),
    phone      VARCHAR(200),
    fax        VARCHAR(200),
    PRIMARY KEY (clinic_id, list_index)
);

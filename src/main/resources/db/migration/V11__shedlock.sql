-- One row per scheduled job: the instance that holds the row's lock runs the job, the others skip it
-- (ShedLock's JDBC provider, dev.authpack.operations). Times are the database's own clock.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    CONSTRAINT shedlock_pk PRIMARY KEY (name)
);

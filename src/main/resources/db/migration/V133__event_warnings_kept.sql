-- Plain SQL: runs unchanged on H2 and PostgreSQL.
-- The warnings an event raised that its replay cannot work out again, kept with it when it is recorded:
-- PACKET_OUTDATED (a submission whose latest packet was made before the case's last change) depends on
-- the case and its packets at that moment, so a week later the timeline showed the submission as if the
-- payer had been sent a current packet. Comma-separated names, as codes are; NULL for none, and for every
-- event recorded before this column existed (what it would have said is not known now).
ALTER TABLE authorization_events ADD COLUMN warnings VARCHAR(200);

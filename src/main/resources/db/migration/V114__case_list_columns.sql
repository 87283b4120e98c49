-- Plain SQL: runs unchanged on H2 and PostgreSQL.
-- The case list and the duplicate-patient check search and sort on these. Before, both read and parsed
-- every case document of the clinic on each request (2.5 s for a page of 25 at 3,000 cases); now they
-- read these columns only. Copies of what the case document says, rewritten on every save;
-- V115 (dev.authpack.casefile) fills them in for the cases stored before.
ALTER TABLE cases ADD COLUMN patient_first_name VARCHAR(200);
ALTER TABLE cases ADD COLUMN patient_last_name VARCHAR(200);
ALTER TABLE cases ADD COLUMN birth_date DATE;
ALTER TABLE cases ADD COLUMN member_id VARCHAR(200);
ALTER TABLE cases ADD COLUMN payer_name VARCHAR(200);
ALTER TABLE cases ADD COLUMN requested_start DATE;

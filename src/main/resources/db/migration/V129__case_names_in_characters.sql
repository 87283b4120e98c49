-- Plain SQL: runs unchanged on H2 and PostgreSQL.
-- A case's text members hold 200 characters (the contract's rule, counted in Unicode characters by
-- CaseValidator). PostgreSQL counts a VARCHAR's length in characters, H2 in UTF-16 units, where a character
-- outside the Basic Multilingual Plane (the 𠮷 of some Japanese surnames, an emoji) takes two: twice each
-- length holds the longest name and payer the case accepts on both (the patient's full name is 401 characters,
-- its search key twice that, see V124).
ALTER TABLE cases ALTER COLUMN patient_first_name SET DATA TYPE VARCHAR(400);
ALTER TABLE cases ALTER COLUMN patient_last_name SET DATA TYPE VARCHAR(400);
ALTER TABLE cases ALTER COLUMN payer_name SET DATA TYPE VARCHAR(400);
ALTER TABLE cases ALTER COLUMN patient_name SET DATA TYPE VARCHAR(802);
ALTER TABLE cases ALTER COLUMN patient_name_key SET DATA TYPE VARCHAR(1604);

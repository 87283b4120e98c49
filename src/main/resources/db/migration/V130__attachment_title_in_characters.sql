-- Plain SQL: runs unchanged on H2 and PostgreSQL.
-- An attachment's title holds 200 characters, counted by AttachmentUploads in Unicode characters. H2 counts a
-- VARCHAR's length in UTF-16 units, where a character outside the Basic Multilingual Plane (the 𠮷 of some
-- Japanese surnames, an emoji) takes two; twice the length holds 200 such characters on both databases.
ALTER TABLE attachments ALTER COLUMN title SET DATA TYPE VARCHAR(400);

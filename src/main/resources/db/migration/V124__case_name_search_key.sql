-- Plain SQL: runs unchanged on H2 and PostgreSQL.
-- The patient's name as Recent documents searches it: lower-cased by the service (Java, Locale.ROOT), the
-- way it lower-cases the typed name, rewritten on every save. Before, the query lower-cased the name with
-- SQL lower(), which follows the database's locale: a PostgreSQL database in the C locale leaves "Á" as it
-- is, a glibc one turns "İ" into "i" and never writes a final "ς", so a name typed exactly as the case shows
-- it found nothing on PostgreSQL that H2 found. Lower-casing can lengthen a name ("İ" becomes two
-- characters), hence twice patient_name's 401. V125 (dev.authpack.casefile) fills it for the stored cases.
ALTER TABLE cases ADD COLUMN patient_name_key VARCHAR(802);

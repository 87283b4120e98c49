-- Plain SQL: runs unchanged on H2 and PostgreSQL.
-- A denial reason or a note may hold 2000 characters (EventBinder counts Unicode characters, as the contract
-- does). PostgreSQL counts a VARCHAR's length in characters, H2 in UTF-16 units, where a character outside the
-- Basic Multilingual Plane (an emoji, a CJK Extension B ideograph such as the 𠮷 of some Japanese surnames)
-- takes two: on H2 a reason of 1001 such characters failed the insert, and the clerk was told another event
-- had been recorded at the same moment. Twice the length holds 2000 characters on both.
ALTER TABLE authorization_events ALTER COLUMN note SET DATA TYPE VARCHAR(4000);
ALTER TABLE authorization_events ALTER COLUMN reason SET DATA TYPE VARCHAR(4000);
ALTER TABLE case_authorizations ALTER COLUMN denial_reason SET DATA TYPE VARCHAR(4000);

-- Plain SQL: runs unchanged on H2 and PostgreSQL.
-- The clinic's latest documents (the Documents page) in one indexed query, instead of one query per case.
CREATE INDEX documents_by_clinic ON documents (clinic_id, created_at);

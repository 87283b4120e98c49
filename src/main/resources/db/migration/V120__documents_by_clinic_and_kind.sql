-- Plain SQL: runs unchanged on H2 and PostgreSQL.
-- Recent documents narrowed to one kind (the clinic's appeal packets, say) reads that kind's rows
-- newest first from this index, instead of walking every document of the clinic (documents_by_clinic,
-- V116) to find the few of that kind.
CREATE INDEX documents_by_clinic_and_kind ON documents (clinic_id, kind, created_at);

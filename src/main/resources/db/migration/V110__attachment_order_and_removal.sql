-- Issue #17 point 7. Plain SQL: runs unchanged on H2 and PostgreSQL.
-- Attachments get a place in the case's list (the packet encloses them in that order) and can be
-- removed. Removal is soft: the row, its bytes and who removed it when stay, so the record and the
-- audit trail keep that the attachment existed; a removed attachment is no longer put in packets.
ALTER TABLE attachments ADD COLUMN sort_order INTEGER;
ALTER TABLE attachments ADD COLUMN removed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE attachments ADD COLUMN removed_by VARCHAR(100);
-- existing uploads keep their upload order
UPDATE attachments SET sort_order = (
    SELECT COUNT(*) FROM attachments earlier
    WHERE earlier.case_id = attachments.case_id
      AND (earlier.created_at < attachments.created_at
           OR (earlier.created_at = attachments.created_at AND earlier.id < attachments.id)));
ALTER TABLE attachments ALTER COLUMN sort_order SET NOT NULL;

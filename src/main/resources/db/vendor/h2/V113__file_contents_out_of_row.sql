-- H2 only (PostgreSQL keeps BYTEA, which it already stores out of the row: TOAST). BYTEA is H2's
-- VARBINARY, kept inside the row; MVStore's page cache then held whole PDFs in the service's heap,
-- and CACHE_SIZE did not bound them (docs/performance.md, "Large request bodies"). As BLOBs, H2 keeps
-- the bytes in its LOB store in small blocks the cache does count. Hibernate still reads and writes
-- them as byte arrays.
ALTER TABLE documents ALTER COLUMN content SET DATA TYPE BLOB;
ALTER TABLE attachments ALTER COLUMN content SET DATA TYPE BLOB;

package dev.authpack.attachment;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AttachmentRepository extends JpaRepository<AttachmentEntity, String> {

    /** The case's attachments in place (not removed), without their bytes, in the case's order. */
    @Query("""
            select new dev.authpack.attachment.AttachmentRepository$Row(a.id, a.title, a.pages, a.sha256)
            from AttachmentEntity a where a.caseId = ?1 and a.clinicId = ?2 and a.removedAt is null
            order by a.sortOrder, a.createdAt, a.id""")
    List<Row> listForCase(String caseId, String clinicId);

    /** The case's removed attachments, most recently removed first. */
    @Query("""
            select new dev.authpack.attachment.RemovedAttachment(a.id, a.title, a.pages, a.removedAt, a.removedBy)
            from AttachmentEntity a where a.caseId = ?1 and a.clinicId = ?2 and a.removedAt is not null
            order by a.removedAt desc, a.id""")
    List<RemovedAttachment> removedFromCase(String caseId, String clinicId);

    /** The attachments in place, as entities, for reordering. */
    @Query("""
            select a from AttachmentEntity a where a.caseId = ?1 and a.clinicId = ?2 and a.removedAt is null
            order by a.sortOrder, a.createdAt, a.id""")
    List<AttachmentEntity> inPlace(String caseId, String clinicId);

    /** The stored bytes of the case's attachments in place, summed by the database without reading them. */
    @Query(value = """
            SELECT COALESCE(SUM(OCTET_LENGTH(content)), 0) FROM attachments
            WHERE case_id = ?1 AND clinic_id = ?2 AND removed_at IS NULL""", nativeQuery = true)
    long bytesInPlace(String caseId, String clinicId);

    /** The stored size of one attachment, without reading its bytes. */
    @Query(value = "SELECT OCTET_LENGTH(content) FROM attachments WHERE id = ?1", nativeQuery = true)
    long bytesOf(String id);

    /** The next free place at the end of the case's list. */
    @Query("select coalesce(max(a.sortOrder) + 1, 0) from AttachmentEntity a where a.caseId = ?1")
    int nextPlace(String caseId);

    record Row(String id, String title, int pages, String sha256) {

        AttachmentView view() {
            return new AttachmentView(UUID.fromString(id), title, pages, sha256);
        }
    }
}

package dev.authpack.attachment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AttachmentRepository extends JpaRepository<AttachmentEntity, String> {

    /** The case's attachments without their bytes, in upload order. */
    @Query("""
            select new dev.authpack.attachment.AttachmentRepository$Row(a.id, a.title, a.pages, a.sha256)
            from AttachmentEntity a where a.caseId = ?1 and a.clinicId = ?2 order by a.createdAt, a.id""")
    List<Row> listForCase(String caseId, String clinicId);

    record Row(String id, String title, int pages, String sha256) {

        AttachmentView view() {
            return new AttachmentView(java.util.UUID.fromString(id), title, pages, sha256);
        }
    }
}

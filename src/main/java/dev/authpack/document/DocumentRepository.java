package dev.authpack.document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DocumentRepository extends JpaRepository<StoredDocument, String> {

    /** A document row without its bytes. */
    record Row(String id, String caseId, DocumentKind kind, int pages, String sha256, Instant createdAt,
               String policyId, String policyVersion, String templateVersion, Long caseVersion, String language) {

        DocumentView view() {
            return new DocumentView(UUID.fromString(id), UUID.fromString(caseId), kind, pages, sha256, createdAt,
                    policyId, policyVersion, templateVersion, caseVersion, language);
        }
    }

    /** The case's documents without their bytes, newest first. */
    @Query("""
            select new dev.authpack.document.DocumentRepository$Row(d.id, d.caseId, d.kind, d.pages, d.sha256,
                   d.createdAt, d.policyId, d.policyVersion, d.templateVersion, d.caseVersion, d.language)
            from StoredDocument d where d.caseId = ?1 and d.clinicId = ?2 order by d.createdAt desc, d.seq desc""")
    List<Row> listForCase(String caseId, String clinicId);

    /** The clinic's latest documents without their bytes, newest first. */
    @Query("""
            select new dev.authpack.document.DocumentRepository$Row(d.id, d.caseId, d.kind, d.pages, d.sha256,
                   d.createdAt, d.policyId, d.policyVersion, d.templateVersion, d.caseVersion, d.language)
            from StoredDocument d where d.clinicId = ?1 order by d.createdAt desc, d.seq desc""")
    List<Row> latestForClinic(String clinicId, Limit limit);

    /** The ids of the clinic's cases that have a document of one of these kinds. */
    @Query("select distinct d.caseId from StoredDocument d where d.clinicId = ?1 and d.kind in ?2")
    List<String> casesWithKind(String clinicId, java.util.Collection<DocumentKind> kinds);

    Optional<StoredDocument> findByIdAndClinicId(String id, String clinicId);
}

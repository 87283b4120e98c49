package dev.authpack.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DocumentRepository extends JpaRepository<StoredDocument, String> {

    /** A document row without its bytes. */
    record Row(String id, String caseId, DocumentKind kind, int pages, String sha256, Instant createdAt,
               String policyId, String policyVersion, String templateVersion, Long caseVersion, String language,
               String contentVersions) {

        DocumentView view() {
            return new DocumentView(UUID.fromString(id), UUID.fromString(caseId), kind, pages, sha256, createdAt,
                    policyId, policyVersion, templateVersion, caseVersion, language, contentVersions);
        }
    }

    /** The case's documents without their bytes, newest first. */
    @Query("""
            select new dev.authpack.document.DocumentRepository$Row(d.id, d.caseId, d.kind, d.pages, d.sha256,
                   d.createdAt, d.policyId, d.policyVersion, d.templateVersion, d.caseVersion, d.language,
                   d.contentVersions)
            from StoredDocument d where d.caseId = ?1 and d.clinicId = ?2 order by d.createdAt desc, d.seq desc""")
    List<Row> listForCase(String caseId, String clinicId);

    /**
     * A document row without its bytes, with what Recent documents shows of its case as the case is now: read in the
     * same joined row, so telling patients apart costs no query a row.
     */
    record Listed(String id, String caseId, DocumentKind kind, int pages, String sha256, Instant createdAt,
                  String policyId, String policyVersion, String templateVersion, Long caseVersion, String language,
                  String contentVersions, String patientName, LocalDate dateOfBirth, String memberId, String payerName,
                  long currentCaseVersion, Instant caseUpdatedAt) {

        RecentDocument recent() {
            DocumentView d = new Row(id, caseId, kind, pages, sha256, createdAt, policyId, policyVersion,
                    templateVersion, caseVersion, language, contentVersions).view();
            return new RecentDocument(d, new RecentDocument.Patient(patientName, dateOfBirth, memberId), payerName,
                    d.madeBefore(currentCaseVersion, caseUpdatedAt), caseUpdatedAt, List.of());
        }
    }

    /** What the patient search reads of a case ({@link dev.authpack.casefile.PatientSearch}). */
    record Searched(String caseId, String patientName, String firstName, String lastName, LocalDate dateOfBirth,
                    String memberId) {
    }

    /** The clinic's cases as the patient search reads them: a few columns a case, never its document. */
    @Query("""
            select new dev.authpack.document.DocumentRepository$Searched(c.id, c.patientName, c.firstName, c.lastName,
                   c.birthDate, c.memberId)
            from DocumentCase c where c.clinicId = ?1""")
    List<Searched> searchedCases(String clinicId);

    String RECENT_OF_CLINIC = """
            select new dev.authpack.document.DocumentRepository$Listed(d.id, d.caseId, d.kind, d.pages, d.sha256,
                   d.createdAt, d.policyId, d.policyVersion, d.templateVersion, d.caseVersion, d.language,
                   d.contentVersions,
                   c.patientName, c.birthDate, c.memberId, c.payerName, c.version, c.updatedAt)
            from StoredDocument d join DocumentCase c on c.id = d.caseId
            where d.clinicId = :clinic and c.clinicId = :clinic""";
    String RECENT = RECENT_OF_CLINIC + " and d.kind in :kinds" + IdenticalCopies.NEWEST_OF_ITS_COPIES;
    String NEWEST_FIRST = " order by d.createdAt desc, d.seq desc";

    /**
     * The clinic's documents of every kind, newest first, a page at a time: the database filters and pages, joined
     * to each document's case. Each is the newest of its identical copies ({@link IdenticalCopies}): a page of 50 is
     * 50 distinct documents, the older copies read by {@link #copiesOf} for the page's cases. No condition on the
     * kind, and the clinic first in the order (one clinic, so the same order): H2 then reads the rows in the order of
     * {@code documents_by_clinic} (V137) and stops at the page's end. With "kind in (…)" of every kind, or without
     * the clinic leading, it read and sorted all the clinic's documents (docs/performance.md, "Recent documents'
     * first page on H2"; {@code H2RecentDocumentsPlansTest}).
     */
    @Query(RECENT_OF_CLINIC + IdenticalCopies.NEWEST_OF_ITS_COPIES
            + " order by d.clinicId, d.createdAt desc, d.seq desc")
    Slice<Listed> recentForClinic(@Param("clinic") String clinicId, Pageable page);

    /**
     * Like {@link #recentForClinic}, of one kind: read in the order of {@code documents_by_clinic_and_kind} (V137),
     * which the clinic and the kind lead, as they lead the order here (one of each, so the same order).
     */
    @Query(RECENT_OF_CLINIC + " and d.kind = :kind" + IdenticalCopies.NEWEST_OF_ITS_COPIES
            + " order by d.clinicId, d.kind, d.createdAt desc, d.seq desc")
    Slice<Listed> recentForClinicOfKind(@Param("clinic") String clinicId, @Param("kind") DocumentKind kind,
                                        Pageable page);

    /**
     * Like {@link #recentForClinic}, of these cases only (the ones a patient search found; never empty, and at most
     * {@link DocumentStore#MAX_CASES_IN_QUERY}: each id is a bind parameter, and PostgreSQL's driver takes at most
     * 32,767 of them, failing the request beyond).
     */
    @Query(RECENT + " and d.caseId in :cases" + NEWEST_FIRST)
    Slice<Listed> recentForCases(@Param("clinic") String clinicId, @Param("kinds") Collection<DocumentKind> kinds,
                                 @Param("cases") Collection<String> caseIds, Pageable page);

    /** Like {@link #recentForClinic}, these documents only (at most a page of them), newest first. */
    @Query(RECENT + " and d.id in :ids" + NEWEST_FIRST)
    List<Listed> recentByIds(@Param("clinic") String clinicId, @Param("kinds") Collection<DocumentKind> kinds,
                             @Param("ids") Collection<String> ids);

    /** A document's id and case, and nothing else. */
    record Ref(String id, String caseId) {
    }

    /** Every document {@link #recentForClinic} pages through, as its id and case only, newest first. */
    @Query("""
            select new dev.authpack.document.DocumentRepository$Ref(d.id, d.caseId)
            from StoredDocument d join DocumentCase c on c.id = d.caseId
            where d.clinicId = :clinic and c.clinicId = :clinic and d.kind in :kinds"""
            + IdenticalCopies.NEWEST_OF_ITS_COPIES + NEWEST_FIRST)
    List<Ref> refsForClinic(@Param("clinic") String clinicId, @Param("kinds") Collection<DocumentKind> kinds);

    String COUNTED = """
            select count(d) from StoredDocument d join DocumentCase c on c.id = d.caseId
            where d.clinicId = :clinic and c.clinicId = :clinic and d.kind in :kinds""" + IdenticalCopies.NEWEST_OF_ITS_COPIES;

    /**
     * How many documents {@link #recentForClinic} (of one kind, {@link #recentForClinicOfKind}) pages through: asked
     * only for a page past the end.
     */
    @Query(COUNTED)
    long countForClinic(@Param("clinic") String clinicId, @Param("kinds") Collection<DocumentKind> kinds);

    /** How many documents {@link #recentForCases} pages through: asked only for a page past the end. */
    @Query(COUNTED + " and d.caseId in :cases")
    long countForCases(@Param("clinic") String clinicId, @Param("kinds") Collection<DocumentKind> kinds,
                       @Param("cases") Collection<String> caseIds);

    /** The clinic's documents of these kinds without their bytes, each case's newest first. */
    @Query("""
            select new dev.authpack.document.DocumentRepository$Row(d.id, d.caseId, d.kind, d.pages, d.sha256,
                   d.createdAt, d.policyId, d.policyVersion, d.templateVersion, d.caseVersion, d.language,
                   d.contentVersions)
            from StoredDocument d where d.clinicId = ?1 and d.kind in ?2 order by d.createdAt desc, d.seq desc""")
    List<Row> listForClinic(String clinicId, Collection<DocumentKind> kinds);

    /**
     * Every document of these cases (a page's, at most 50) and kinds without their bytes, newest first: what
     * {@link IdenticalCopies#of} folds to find the older copies of the documents a page of Recent documents shows.
     */
    @Query("""
            select new dev.authpack.document.DocumentRepository$Row(d.id, d.caseId, d.kind, d.pages, d.sha256,
                   d.createdAt, d.policyId, d.policyVersion, d.templateVersion, d.caseVersion, d.language,
                   d.contentVersions)
            from StoredDocument d where d.clinicId = :clinic and d.kind in :kinds and d.caseId in :cases
            order by d.createdAt desc, d.seq desc""")
    List<Row> copiesOf(@Param("clinic") String clinicId, @Param("kinds") Collection<DocumentKind> kinds,
                       @Param("cases") Collection<String> caseIds);

    Optional<StoredDocument> findByIdAndClinicId(String id, String clinicId);
}

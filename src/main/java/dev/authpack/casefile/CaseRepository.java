package dev.authpack.casefile;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CaseRepository extends JpaRepository<CaseRecord, String> {

    Optional<CaseRecord> findByIdAndClinicId(String id, String clinicId);

    String LISTING = "SELECT new dev.authpack.casefile.CaseListing(r.id, r.patientName, r.patientFirstName, "
            + "r.patientLastName, r.birthDate, r.memberId, r.payerName, r.policyId, r.requestedStart, r.status, "
            + "r.complete, r.createdAt, r.updatedAt, r.version) FROM CaseRecord r WHERE r.clinicId = :clinic";

    /** The clinic's cases, newest first, without their documents. */
    @Query(LISTING + " ORDER BY r.createdAt DESC, r.id DESC")
    List<CaseListing> listings(@Param("clinic") String clinicId);

    @Query(LISTING + " AND r.status = :status ORDER BY r.createdAt DESC, r.id DESC")
    List<CaseListing> listings(@Param("clinic") String clinicId, @Param("status") CaseStatus status);

    /**
     * Where each of the clinic's cases stands, in no order: the worklist sorts each of its lists itself. Read
     * as the case list's fourteen columns sorted newest first, this took twice as long on PostgreSQL at a busy
     * clinic (docs/performance.md).
     */
    @Query("SELECT new dev.authpack.casefile.CaseProgress(r.id, r.patientFirstName, r.patientLastName, r.complete, "
            + "r.requestedStart, r.updatedAt, r.version) FROM CaseRecord r WHERE r.clinicId = :clinic")
    List<CaseProgress> progress(@Param("clinic") String clinicId);

    List<CaseRecord> findByPolicyIdOrderByCreatedAtAscIdAsc(String policyId);

    @Query("SELECT DISTINCT r.policyId FROM CaseRecord r WHERE r.policyId IS NOT NULL")
    List<String> policyIdsNamed();

    /** Locks the case's row until the transaction ends ({@link CaseService#lockForChange}). */
    @Query(value = "SELECT id FROM cases WHERE id = ?1 FOR UPDATE", nativeQuery = true)
    Optional<String> lockRow(String id);

    /**
     * Rewrites the derived columns only, and only while the case is still at {@code version}. A bulk
     * update: it leaves {@code version} as it is (no one edited the case, so a client holding that
     * version may still save), and {@code updated_at}/{@code updated_by}, which say who last edited it.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("UPDATE CaseRecord r SET r.complete = :complete, r.status = :status WHERE r.id = :id AND r.version = :version")
    int storeCompleteness(@Param("id") String id, @Param("version") long version, @Param("complete") boolean complete,
                          @Param("status") CaseStatus status);
}

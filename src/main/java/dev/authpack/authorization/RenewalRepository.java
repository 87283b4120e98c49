package dev.authpack.authorization;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RenewalRepository extends JpaRepository<RenewalRecord, String> {

    List<RenewalRecord> findByClinicId(String clinicId);

    /** The case's own renewal row, if it renews one, and the rows of the cases renewing it, oldest first: in one query. */
    @Query("""
            select r from RenewalRecord r where r.clinicId = ?2 and (r.caseId = ?1 or r.previousCaseId = ?1)
            order by r.createdAt""")
    List<RenewalRecord> linksOf(String caseId, String clinicId);
}

package dev.authpack.authorization;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CaseAuthorizationRepository extends JpaRepository<CaseAuthorizationRecord, String> {

    List<CaseAuthorizationRecord> findByClinicId(String clinicId);

    /** The columns the worklist's rules read, as values: no entity, so nothing for the persistence context to track. */
    @Query("SELECT new dev.authpack.authorization.WorklistAuthorization(r.caseId, r.status, r.submittedOn, r.decidedOn, "
            + "r.approvedTo, r.approvedSessions, r.sessionsLeft, r.appealDeadline) "
            + "FROM CaseAuthorizationRecord r WHERE r.clinicId = :clinic")
    List<WorklistAuthorization> forWorklist(@Param("clinic") String clinicId);

    List<CaseAuthorizationRecord> findByClinicIdAndCaseIdIn(String clinicId, Collection<String> caseIds);
}

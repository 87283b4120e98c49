package dev.authpack.authorization;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseAuthorizationRepository extends JpaRepository<CaseAuthorizationRecord, String> {

    List<CaseAuthorizationRecord> findByClinicId(String clinicId);

    List<CaseAuthorizationRecord> findByClinicIdAndCaseIdIn(String clinicId, Collection<String> caseIds);
}

package dev.authpack.authorization;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RenewalRepository extends JpaRepository<RenewalRecord, String> {

    Optional<RenewalRecord> findByCaseIdAndClinicId(String caseId, String clinicId);

    List<RenewalRecord> findByPreviousCaseIdAndClinicIdOrderByCreatedAtAsc(String previousCaseId, String clinicId);

    List<RenewalRecord> findByClinicId(String clinicId);
}

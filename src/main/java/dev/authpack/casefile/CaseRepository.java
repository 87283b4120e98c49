package dev.authpack.casefile;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseRepository extends JpaRepository<CaseRecord, String> {

    Optional<CaseRecord> findByIdAndClinicId(String id, String clinicId);

    List<CaseRecord> findByClinicIdOrderByCreatedAtDescIdDesc(String clinicId);

    List<CaseRecord> findByPolicyIdOrderByCreatedAtAscIdAsc(String policyId);

    List<CaseRecord> findByClinicIdAndStatusOrderByCreatedAtDescIdDesc(String clinicId, CaseStatus status);
}

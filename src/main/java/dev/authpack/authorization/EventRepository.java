package dev.authpack.authorization;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface EventRepository extends JpaRepository<EventRecord, Long> {

    List<EventRecord> findByCaseIdAndClinicIdOrderBySeqAsc(String caseId, String clinicId);

    List<EventRecord> findByClinicIdOrderByCaseIdAscSeqAsc(String clinicId);

    List<EventRecord> findByClinicIdAndCaseIdInOrderByCaseIdAscSeqAsc(String clinicId, Collection<String> caseIds);
}

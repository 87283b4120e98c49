package dev.authpack.authorization;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface EventRepository extends JpaRepository<EventRecord, Long> {

    List<EventRecord> findByCaseIdAndClinicIdOrderBySeqAsc(String caseId, String clinicId);
}

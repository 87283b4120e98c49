package dev.authpack.authorization;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EventRepository extends JpaRepository<EventRecord, Long> {

    List<EventRecord> findByCaseIdAndClinicIdOrderBySeqAsc(String caseId, String clinicId);

    /** What replaying a case's events needs, read as values: no managed entities for a clinic's history. */
    record Replayable(String caseId, EventType type, LocalDate date, Channel channel, String payerReference,
                      String note, String authorizationNumber, LocalDate approvedFrom, LocalDate approvedTo,
                      Integer approvedSessions, String reason, String codes) {

        EventData data() {
            return new EventData(type, date, channel, payerReference, note, authorizationNumber, approvedFrom,
                    approvedTo, approvedSessions, reason, codes == null ? List.of() : Arrays.asList(codes.split(",")));
        }
    }

    String REPLAYABLE = "SELECT new dev.authpack.authorization.EventRepository$Replayable(r.caseId, r.type, r.date, "
            + "r.channel, r.payerReference, r.note, r.authorizationNumber, r.approvedFrom, r.approvedTo, "
            + "r.approvedSessions, r.reason, r.codes) FROM EventRecord r WHERE r.clinicId = :clinic";

    @Query(REPLAYABLE + " ORDER BY r.caseId, r.seq")
    List<Replayable> replayable(@Param("clinic") String clinicId);

    @Query(REPLAYABLE + " AND r.caseId IN :cases ORDER BY r.caseId, r.seq")
    List<Replayable> replayable(@Param("clinic") String clinicId, @Param("cases") Collection<String> caseIds);
}

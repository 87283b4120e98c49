package dev.authpack.authorization;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A recorded event as the API shows it: what was said, plus its id, case, who recorded it and when. */
record AuthEvent(long id, UUID caseId, EventType type, LocalDate date, Channel channel, String payerReference,
                        String note, String authorizationNumber, LocalDate approvedFrom, LocalDate approvedTo,
                        Integer approvedSessions, String reason, List<String> codes, String recordedBy,
                        Instant recordedAt) {

    public AuthEvent {
        codes = codes == null || codes.isEmpty() ? null : List.copyOf(codes);
    }

    @JsonIgnore
    EventData data() {
        return new EventData(type, date, channel, payerReference, note, authorizationNumber, approvedFrom,
                approvedTo, approvedSessions, reason, codes);
    }
}

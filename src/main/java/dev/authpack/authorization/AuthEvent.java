package dev.authpack.authorization;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A recorded event as the API shows it: what was said, plus its id, case, who recorded it and when,
 * and the warnings kept with it ({@code recordedWarnings}, absent when none: the contract's members
 * stay as they were, this one is added).
 */
record AuthEvent(long id, UUID caseId, EventType type, LocalDate date, Channel channel, String payerReference,
                        String note, String authorizationNumber, LocalDate approvedFrom, LocalDate approvedTo,
                        Integer approvedSessions, String reason, List<String> codes, String recordedBy,
                        Instant recordedAt,
                        @ArraySchema(arraySchema = @Schema(description = RECORDED_WARNINGS)) List<EventWarning> recordedWarnings) {

    /** What {@code recordedWarnings} holds, in the API description's words. */
    static final String RECORDED_WARNINGS = "Warnings the event raised when it was recorded that cannot be worked out "
            + "again later, kept with it: PACKET_OUTDATED, a submission whose latest packet was made before the case's "
            + "last change (the payer may have an outdated packet). Absent when there were none, and on events recorded "
            + "before this member was added. The session warnings of the recording's answer are not repeated here.";

    public AuthEvent {
        codes = codes == null || codes.isEmpty() ? null : List.copyOf(codes);
        recordedWarnings = recordedWarnings == null || recordedWarnings.isEmpty() ? null : List.copyOf(recordedWarnings);
    }

    @JsonIgnore
    EventData data() {
        return new EventData(type, date, channel, payerReference, note, authorizationNumber, approvedFrom,
                approvedTo, approvedSessions, reason, codes);
    }

    /** The kept warnings, never null (the member is null when there are none, so that JSON omits it). */
    @JsonIgnore
    List<EventWarning> keptWarnings() {
        return recordedWarnings == null ? List.of() : recordedWarnings;
    }
}

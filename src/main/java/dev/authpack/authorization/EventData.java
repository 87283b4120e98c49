package dev.authpack.authorization;

import java.time.LocalDate;
import java.util.List;

/**
 * What an event says, as the clerk entered it (already checked for shape): the members of the
 * contract's event table. Members a type does not use are null; {@code codes} is never null.
 */
record EventData(EventType type, LocalDate date, Channel channel, String payerReference, String note,
                        String authorizationNumber, LocalDate approvedFrom, LocalDate approvedTo,
                        Integer approvedSessions, String reason, List<String> codes) {

    public EventData {
        codes = codes == null ? List.of() : List.copyOf(codes);
    }
}

package dev.authpack.authorization;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * What an event says, as the clerk entered it (already checked for shape): the members of the
 * contract's event table. Members a type does not use are null; {@code codes} is never null.
 */
record EventData(EventType type, LocalDate date, Channel channel, String payerReference,
                        @Schema(maxLength = EventBinder.LONG_TEXT, description = FREE_TEXT) String note,
                        String authorizationNumber, LocalDate approvedFrom, LocalDate approvedTo,
                        Integer approvedSessions,
                        @Schema(maxLength = EventBinder.LONG_TEXT, description = FREE_TEXT) String reason,
                        List<String> codes) {

    /** What {@link EventBinder} does to the free-text members, in the API description's words. */
    static final String FREE_TEXT = "Free text kept on one line: each line break (CR, LF, CRLF, U+2028…) with the spaces "
            + "around it becomes one space; other control characters, noncharacters, lone surrogates and bidirectional "
            + "overrides are refused (400 naming the member)";

    public EventData {
        codes = codes == null ? List.of() : List.copyOf(codes);
    }
}

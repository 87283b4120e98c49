package dev.authpack.authorization;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of the worklist (contract: {@code {caseId, patientName, reason, due}}), plus the figures
 * the reason is made of: days waiting on the payer, days left until {@code due}, sessions left, and
 * the renewal case when one was started. {@code patientName} and {@code due} are written as null when the
 * case has no name or no date (a name removed after submission, a case without a start date), instead of
 * being left out: the contract names the item's four members.
 */
record WorkItem(UUID caseId, @JsonInclude(JsonInclude.Include.ALWAYS) String patientName, String reason,
                @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate due, AuthStatus status,
                       Long daysWaiting, Long daysLeft, Integer sessionsLeft, UUID renewedBy) {
}

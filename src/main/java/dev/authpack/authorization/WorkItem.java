package dev.authpack.authorization;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of the worklist (contract: {@code {caseId, patientName, reason, due}}), plus the figures
 * the reason is made of: days waiting on the payer, days left until {@code due}, sessions left, and
 * the renewal case when one was started.
 */
record WorkItem(UUID caseId, String patientName, String reason, LocalDate due, AuthStatus status,
                       Long daysWaiting, Long daysLeft, Integer sessionsLeft, UUID renewedBy) {
}

package dev.authpack.authorization;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.authpack.casefile.PatientSortKey;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/**
 * One line of the worklist (contract: {@code {caseId, patientName, reason, due}}), plus the figures
 * the reason is made of: days waiting on the payer, days left until {@code due}, sessions left, and
 * the renewal case when one was started. {@code patientName} and {@code due} are written as null when the
 * case has no name or no date (a name removed after submission, a case without a start date), instead of
 * being left out: the contract names the item's four members. {@code nameOrder}, never written, is where the
 * patient stands in a list sorted by patient (null when the case names none), worked out once per case.
 */
record WorkItem(UUID caseId, @JsonInclude(JsonInclude.Include.ALWAYS) String patientName, String reason,
                @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate due, AuthStatus status,
                Long daysWaiting, Long daysLeft, Integer sessionsLeft, UUID renewedBy,
                @JsonIgnore PatientSortKey nameOrder) {

    /** By patient as the case list sorts (last name, then first name); an item naming no patient last. */
    static final Comparator<WorkItem> BY_PATIENT = Comparator.comparing(WorkItem::nameOrder,
            Comparator.nullsLast(Comparator.naturalOrder()));
}

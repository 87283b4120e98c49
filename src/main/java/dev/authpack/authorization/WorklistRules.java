package dev.authpack.authorization;

import dev.authpack.casefile.PatientSortKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Which case belongs on which worklist list (contract v1.1), as pure rules over a snapshot of the
 * clinic's cases and a pinned "today", so each boundary is testable to the day.
 */
final class WorklistRules {

    /** Days a request may wait on the payer before it is followed up (strictly more than this). */
    static final int WAIT_DAYS = 14;
    /** An approval ending within this many days, or with this many sessions left or fewer, needs renewing. */
    static final int RENEW_DAYS = 14;
    static final int RENEW_SESSIONS = 2;

    /** The two reasons that tell billing staff to generate: the page words them for clinic staff, who cannot. */
    static final String PACKET_OUTDATED = "Complete, but the packet predates the last change: generate it again before sending";
    static final String PACKET_TO_GENERATE = "Complete: generate the packet";
    static final String CHECKLIST_LACKS = "The checklist still lacks something: open the case to see what";

    private WorklistRules() {
    }

    /**
     * What the rules read of one case. {@code nameOrder} is the patient's place in a list sorted by patient, null
     * when the case names none; {@code renewedBy} is a case naming it previousCaseId, or null;
     * {@code packetOutdated}: its latest packet was made before the case's last change.
     */
    record CaseState(UUID caseId, String patientName, PatientSortKey nameOrder, boolean complete, boolean hasPacket,
                     LocalDate startDate, Authorization authorization, UUID renewedBy, boolean packetOutdated) {
    }

    static Worklist build(List<CaseState> cases, LocalDate today) {
        return new Worklist(today,
                items(cases, c -> readyToSubmit(c, today), Comparator.comparing(WorkItem::due,
                        Comparator.nullsLast(Comparator.naturalOrder()))),
                items(cases, c -> waitingOnPayer(c, today), Comparator.comparing(WorkItem::due)),
                items(cases, c -> renewSoon(c, today), Comparator.comparing(WorkItem::due)),
                items(cases, c -> appealDue(c, today), Comparator.comparing(WorkItem::due)),
                items(cases, c -> expired(c, today), Comparator.comparing(WorkItem::due)));
    }

    static WorkItem readyToSubmit(CaseState c, LocalDate today) {
        if (c.authorization().status() != AuthStatus.NOT_SUBMITTED || !c.complete() || !c.hasPacket()) {
            return null;
        }
        // still on the list (the contract says which cases are), but not to be sent as it is
        String reason = c.packetOutdated()
                ? PACKET_OUTDATED
                : "Complete and packet generated; not yet submitted";
        return item(c, reason, c.startDate(), null,
                c.startDate() == null ? null : days(today, c.startDate()), null);
    }

    static WorkItem waitingOnPayer(CaseState c, LocalDate today) {
        Authorization a = c.authorization();
        if (a.status() != AuthStatus.SUBMITTED && a.status() != AuthStatus.PENDED || a.submittedOn() == null) {
            return null;
        }
        long waiting = days(a.submittedOn(), today);
        if (waiting <= WAIT_DAYS) {
            return null;
        }
        LocalDate due = a.submittedOn().plusDays(WAIT_DAYS);
        return item(c, "Submitted " + a.submittedOn() + (a.status() == AuthStatus.PENDED ? ", pended" : "")
                + "; " + waiting + " days without a decision", due, waiting, days(today, due), null);
    }

    static WorkItem renewSoon(CaseState c, LocalDate today) {
        Authorization a = c.authorization();
        if (a.status() != AuthStatus.APPROVED || a.approvedTo() == null) {
            return null;
        }
        long left = days(today, a.approvedTo());
        boolean ending = left <= RENEW_DAYS;
        boolean usedUp = a.sessionsLeft() != null && a.sessionsLeft() <= RENEW_SESSIONS;
        if (!ending && !usedUp) {
            return null;
        }
        String reason = ending ? "Approval ends " + a.approvedTo() + " (" + dayCount(left) + ")" : "Approved until " + a.approvedTo();
        reason += usedUp ? "; " + a.sessionsLeft() + " of " + sessionCount(a.approvedSessions()) + " left" : "";
        return item(c, reason, a.approvedTo(), null, left, a.sessionsLeft());
    }

    static WorkItem appealDue(CaseState c, LocalDate today) {
        Authorization a = c.authorization();
        if (a.status() != AuthStatus.DENIED || a.appealDeadline() == null || today.isAfter(a.appealDeadline())) {
            return null;
        }
        long left = days(today, a.appealDeadline());
        return item(c, "Denied " + a.decidedOn() + "; appeal by " + a.appealDeadline() + " (" + dayCount(left) + " left)",
                a.appealDeadline(), null, left, null);
    }

    static WorkItem expired(CaseState c, LocalDate today) {
        Authorization a = c.authorization();
        if (a.status() != AuthStatus.EXPIRED || c.renewedBy() != null) {
            return null;
        }
        return item(c, "Approval ended " + a.approvedTo() + "; no reauthorization started", a.approvedTo(), null,
                days(today, a.approvedTo()), a.sessionsLeft());
    }

    /**
     * Cases the desk has still to finish before they can be sent: not yet submitted, and the checklist
     * still lacks something or the packet is still to be generated. Only the start page lists them; the
     * API's worklist keeps the contract's five lists. Most recently changed first, to the instant
     * ({@code changedAt}), the day of it ({@code dayOf}) shown as their date: the page shows a busy clinic
     * only the first few, and a clerk who has just saved a draft looks for it there. By the day alone, every
     * case changed today tied and went by name, and a draft saved a minute ago fell below the first page.
     */
    static List<WorkItem> toFinish(List<CaseState> cases, Map<UUID, Instant> changedAt,
                                   Function<Instant, LocalDate> dayOf) {
        Comparator<CaseState> newestFirst = Comparator.comparing(c -> changedAt.get(c.caseId()),
                Comparator.nullsLast(Comparator.<Instant>reverseOrder()));
        return cases.stream()
                .filter(c -> c.authorization().status() == AuthStatus.NOT_SUBMITTED && (!c.complete() || !c.hasPacket()))
                .sorted(newestFirst.thenComparing(CaseState::nameOrder, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(CaseState::caseId))
                .map(c -> item(c, c.complete() ? PACKET_TO_GENERATE
                        : CHECKLIST_LACKS,
                        changedAt.get(c.caseId()) == null ? null : dayOf.apply(changedAt.get(c.caseId())),
                        null, null, null))
                .toList();
    }

    private static List<WorkItem> items(List<CaseState> cases, Function<CaseState, WorkItem> rule,
                                        Comparator<WorkItem> order) {
        return cases.stream().map(rule).filter(Objects::nonNull)
                .sorted(order.thenComparing(WorkItem.BY_PATIENT).thenComparing(WorkItem::caseId))
                .toList();
    }

    private static WorkItem item(CaseState c, String reason, LocalDate due, Long waiting, Long left, Integer sessions) {
        return new WorkItem(c.caseId(), c.patientName(), reason, due, c.authorization().status(), waiting, left,
                sessions, c.renewedBy(), c.nameOrder());
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    /** "1 day", "0 days", "12 days": the reason is a sentence the start page and the API show as it is. */
    static String dayCount(long n) {
        return n + (n == 1 ? " day" : " days");
    }

    /**
     * "1 session", "8 sessions": the noun agrees with the approval's sessions, as the case list's "1 of 1 session left"
     * and "7 of 8 sessions left" do, so an approval of one session is not "1 of 1 sessions left" here alone.
     */
    static String sessionCount(int n) {
        return n + (n == 1 ? " session" : " sessions");
    }
}

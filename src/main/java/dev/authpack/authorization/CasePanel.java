package dev.authpack.authorization;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The case page's authorization section: status and decision, sessions used out of approved (the
 * progress bar's percentage), the timeline, the forms for the events allowed now, and the links to
 * the case this one renews and the cases renewing it.
 */
record CasePanel(Authorization authorization, List<AuthorizationService.Timeline.Entry> timeline,
                        List<EventType> allowed, List<Channel> channels, LocalDate today, int sessionsPct,
                        boolean renewable, boolean appealable, UUID previousCaseId,
                        List<RenewalService.Renewal> renewedBy) {

    /**
     * The event types that cannot be recorded now, whose forms the page leaves out: a draft of one of them kept in
     * the browser (typed before the case moved on) is shown there once to copy, and dropped (drafts.js).
     */
    public List<EventType> notAllowed() {
        return Arrays.stream(EventType.values()).filter(t -> !allowed.contains(t)).toList();
    }

    /**
     * The event form the page shows open, as if its summary had been clicked: the only one the status allows (a
     * session given while approved or expired, the appeal of a denial). Null when there are several to choose from,
     * and for an appeal past its deadline: only an appeal sent by then (dated on or before the deadline, recorded late)
     * can still be recorded, which is the exception, not the next step.
     */
    public EventType onlyEvent() {
        if (allowed.size() != 1) {
            return null;
        }
        EventType only = allowed.get(0);
        boolean lateAppeal = only == EventType.APPEALED && authorization.appealDeadline() != null
                && today.isAfter(authorization.appealDeadline());
        return lateAppeal ? null : only;
    }

    /** The appeal packet answers a denial: while DENIED, and while the appeal is under way. */
    static boolean appealable(AuthStatus status) {
        return status == AuthStatus.DENIED || status == AuthStatus.APPEALED;
    }

    /** Sessions used as a whole percentage of those approved, rounded to the nearest, capped at 100 for the bar. */
    static int sessionsPct(Authorization a) {
        if (a.approvedSessions() == null || a.approvedSessions() == 0) {
            return 0;
        }
        // integer division truncated 2 of 3 to 66%, which staff read as a miscount
        return (int) Math.min(100, Math.round(a.sessionsUsed() * 100.0 / a.approvedSessions()));
    }
}

package dev.authpack.authorization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The authorization of a case as the replay of its events: pure, no clock of its own, so tests pin
 * "today" and boundaries are exact. EXPIRED is never recorded: an APPROVED case whose
 * {@code approvedTo} is before today reads as EXPIRED.
 */
final class Lifecycle {

    /** Days a denial may be appealed, counted from the denial's date (contract: date + 180). */
    static final int APPEAL_DAYS = 180;

    private Lifecycle() {
    }

    /** The authorization after {@code events} (oldest first), and the warnings each event raised. */
    record Replay(Authorization authorization, List<List<EventWarning>> warnings) {
    }

    static Replay replay(List<EventData> events, LocalDate today) {
        Authorization a = Authorization.NONE;
        List<List<EventWarning>> warnings = new ArrayList<>(events.size());
        for (EventData e : events) {
            warnings.add(e.type() == EventType.SESSION_GIVEN ? Sessions.warnings(a, e.date()) : List.of());
            a = apply(a, e);
        }
        return new Replay(asOf(a, today), warnings);
    }

    /** The authorization as {@code events} leave it, not read against a day: what V117 stores. */
    static Authorization recorded(List<EventData> events) {
        Authorization a = Authorization.NONE;
        for (EventData e : events) {
            a = apply(a, e);
        }
        return a;
    }

    static Authorization authorization(List<EventData> events, LocalDate today) {
        return replay(events, today).authorization();
    }

    /** The status as of today: APPROVED turns EXPIRED the day after {@code approvedTo}. */
    static Authorization asOf(Authorization a, LocalDate today) {
        boolean expired = a.status() == AuthStatus.APPROVED && a.approvedTo() != null && a.approvedTo().isBefore(today);
        return expired ? with(a, AuthStatus.EXPIRED) : a;
    }

    /** The state after one event; the caller has checked that the event is allowed. */
    static Authorization apply(Authorization a, EventData e) {
        return switch (e.type()) {
            case SUBMITTED -> new Authorization(AuthStatus.SUBMITTED, e.date(), e.channel(),
                    e.payerReference() != null ? e.payerReference() : a.payerReference(), a.decidedOn(),
                    a.authorizationNumber(), a.approvedFrom(), a.approvedTo(), a.approvedSessions(), a.sessionsUsed(),
                    a.sessionsLeft(), a.denialReason(), a.appealDeadline());
            case PENDED -> with(a, AuthStatus.PENDED);
            case APPEALED -> with(a, AuthStatus.APPEALED);
            case WITHDRAWN -> with(a, AuthStatus.WITHDRAWN);
            // an approval after an appeal replaces the denial: reason and deadline no longer apply
            case APPROVED -> new Authorization(AuthStatus.APPROVED, a.submittedOn(), a.channel(), a.payerReference(),
                    e.date(), e.authorizationNumber(), e.approvedFrom(), e.approvedTo(), e.approvedSessions(),
                    a.sessionsUsed(), Sessions.left(e.approvedSessions(), a.sessionsUsed()), null, null);
            case DENIED -> new Authorization(AuthStatus.DENIED, a.submittedOn(), a.channel(), a.payerReference(),
                    e.date(), null, null, null, null, a.sessionsUsed(), null, e.reason(),
                    e.date().plusDays(APPEAL_DAYS));
            case SESSION_GIVEN -> new Authorization(a.status(), a.submittedOn(), a.channel(), a.payerReference(),
                    a.decidedOn(), a.authorizationNumber(), a.approvedFrom(), a.approvedTo(), a.approvedSessions(),
                    a.sessionsUsed() + 1, Sessions.left(a.approvedSessions(), a.sessionsUsed() + 1), a.denialReason(),
                    a.appealDeadline());
        };
    }

    private static Authorization with(Authorization a, AuthStatus status) {
        return new Authorization(status, a.submittedOn(), a.channel(), a.payerReference(), a.decidedOn(),
                a.authorizationNumber(), a.approvedFrom(), a.approvedTo(), a.approvedSessions(), a.sessionsUsed(),
                a.sessionsLeft(), a.denialReason(), a.appealDeadline());
    }
}

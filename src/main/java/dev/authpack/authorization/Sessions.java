package dev.authpack.authorization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Sessions arithmetic: what is left of an approval, and why a session given may not be paid. */
final class Sessions {

    private Sessions() {
    }

    /** {@code max(0, approved − used)}; null while nothing is approved. */
    static Integer left(Integer approved, int used) {
        return approved == null ? null : Math.max(0, approved - used);
    }

    /** The warnings for one more session given on {@code date}, judged against the approval before it. */
    static List<EventWarning> warnings(Authorization before, LocalDate date) {
        List<EventWarning> out = new ArrayList<>(2);
        boolean inside = before.approvedFrom() != null && before.approvedTo() != null
                && !date.isBefore(before.approvedFrom()) && !date.isAfter(before.approvedTo());
        if (!inside) {
            out.add(EventWarning.OUTSIDE_APPROVED_WINDOW);
        }
        if (before.approvedSessions() == null || before.sessionsUsed() + 1 > before.approvedSessions()) {
            out.add(EventWarning.OVER_APPROVED_SESSIONS);
        }
        return List.copyOf(out);
    }
}

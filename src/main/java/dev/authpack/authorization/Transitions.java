package dev.authpack.authorization;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The contract's transition table as data: in which statuses each event type may be recorded. */
final class Transitions {

    private static final Map<EventType, Set<AuthStatus>> ALLOWED = new EnumMap<>(Map.of(
            EventType.SUBMITTED, EnumSet.of(AuthStatus.NOT_SUBMITTED, AuthStatus.PENDED),
            EventType.PENDED, EnumSet.of(AuthStatus.SUBMITTED),
            EventType.APPROVED, EnumSet.of(AuthStatus.SUBMITTED, AuthStatus.PENDED, AuthStatus.APPEALED),
            EventType.DENIED, EnumSet.of(AuthStatus.SUBMITTED, AuthStatus.PENDED, AuthStatus.APPEALED),
            EventType.APPEALED, EnumSet.of(AuthStatus.DENIED),
            EventType.WITHDRAWN, EnumSet.of(AuthStatus.NOT_SUBMITTED, AuthStatus.SUBMITTED, AuthStatus.PENDED),
            EventType.SESSION_GIVEN, EnumSet.of(AuthStatus.APPROVED, AuthStatus.EXPIRED)));

    private Transitions() {
    }

    static boolean allowed(EventType type, AuthStatus status) {
        return ALLOWED.get(type).contains(status);
    }

    /** The event types that may be recorded in {@code status}, in the table's order. */
    static List<EventType> allowedIn(AuthStatus status) {
        return java.util.Arrays.stream(EventType.values()).filter(t -> allowed(t, status)).toList();
    }
}

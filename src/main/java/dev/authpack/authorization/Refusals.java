package dev.authpack.authorization;

import java.util.List;
import java.util.Optional;

/**
 * Why a well-formed event cannot be recorded in the case's current state (answered 409): the
 * transition table, the appeal deadline, and the packet a submission needs.
 */
final class Refusals {

    private Refusals() {
    }

    record Refusal(String title, String detail, AuthStatus status, List<EventType> allowed) {
    }

    static Optional<Refusal> check(EventData e, Authorization current, boolean hasPacket) {
        AuthStatus status = current.status();
        List<EventType> allowed = Transitions.allowedIn(status);
        if (!Transitions.allowed(e.type(), status)) {
            return Optional.of(new Refusal("Event not allowed", "An event of type " + e.type() + " cannot be recorded while the"
                    + " authorization is " + status + ". Allowed now: " + (allowed.isEmpty() ? "none"
                    : String.join(", ", allowed.stream().map(Enum::name).toList())) + ".", status, allowed));
        }
        if (e.type() == EventType.APPEALED && current.appealDeadline() != null
                && e.date().isAfter(current.appealDeadline())) {
            return Optional.of(new Refusal("Appeal deadline passed", "The appeal deadline was "
                    + current.appealDeadline() + "; an appeal dated " + e.date() + " is too late.", status, allowed));
        }
        if (e.type() == EventType.SUBMITTED && !hasPacket) {
            return Optional.of(new Refusal("No packet to submit", "A submission needs a packet of this case (or"
                    + " an exception packet); generate the packet first.", status, allowed));
        }
        return Optional.empty();
    }
}

package dev.authpack.authorization;

import dev.authpack.core.ConflictException;
import java.util.List;
import java.util.Map;

/**
 * The event was sent from a page that showed fewer events than the case now has: someone else
 * recorded in between, so the clerk's event may repeat theirs (a session counted twice). Carries
 * the events recorded since, so the page can say who recorded what.
 */
class ChangedSinceException extends ConflictException {

    private final transient List<AuthEvent> since;
    private final AuthStatus status;

    ChangedSinceException(List<AuthEvent> since, AuthStatus status) {
        super("Changed since the page was opened", since.size() + " event(s) were recorded on this case since the"
                + " page was opened; nothing was recorded.", Map.of("authStatus", status.name()));
        this.since = List.copyOf(since);
        this.status = status;
    }

    /** The authorization's status now, with the events since. */
    AuthStatus status() {
        return status;
    }

    List<AuthEvent> since() {
        return since;
    }
}

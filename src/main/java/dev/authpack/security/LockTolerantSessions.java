package dev.authpack.security;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * The web session store as the session filter uses it: a save that gave up waiting for the session's row
 * (another transaction held it past the database's lock timeout: a request of the same clerk on another
 * instance that stalled mid-save, or one the network cut off, which PostgreSQL ends only after the
 * idle-in-transaction timeout) is left out, and the request is answered as if it had been made. The row,
 * and with it the sign-in, stays as it was; what is lost is this request's last-access time and whatever it
 * put in the session (a flash notice). Before, the failed save broke the page while it was being written and
 * then its error page, each after another wait: a 500 after three or four lock timeouts, on every page until
 * the row was free. A session is tried once per request: the filter saves it again when the request ends,
 * and a second wait would only double the delay. Deleting a session (sign-out) still fails, as it must not
 * pretend to have signed anybody out; so does a save that renames the session (signing in gives the session a
 * new id against fixation): the browser would be handed a cookie no row answers to, and the clerk, told "signed
 * in", would land on the sign-in page again without a word. It fails once; the request's later saves fail at once.
 */
final class LockTolerantSessions<S extends Session> implements SessionRepository<S> {

    private static final Logger log = LoggerFactory.getLogger(LockTolerantSessions.class);

    private final SessionRepository<S> delegate;
    /** Sessions of requests still running whose save gave up: the session object lives as long as its request. */
    private final Map<S, Boolean> gaveUp = Collections.synchronizedMap(new WeakHashMap<>());
    /** The id each session was read with, to tell a save that renames it; read sessions live as long as their request. */
    private final Map<S, String> readAs = Collections.synchronizedMap(new WeakHashMap<>());
    /** Sessions of requests still running whose rename could not be stored, with why. */
    private final Map<S, PessimisticLockingFailureException> renameFailed = Collections.synchronizedMap(new WeakHashMap<>());

    LockTolerantSessions(SessionRepository<S> delegate) {
        this.delegate = delegate;
    }

    @Override
    public S createSession() {
        return delegate.createSession();
    }

    @Override
    public void save(S session) {
        if (gaveUp.containsKey(session)) {
            return;
        }
        PessimisticLockingFailureException failedBefore = renameFailed.get(session);
        if (failedBefore != null) {
            throw failedBefore;
        }
        try {
            delegate.save(session);
        } catch (PessimisticLockingFailureException e) {
            if (renamed(session)) {
                renameFailed.put(session, e);
                throw e;
            }
            gaveUp.put(session, Boolean.TRUE);
            log.warn("Web session not saved: its row was held by another transaction past the lock timeout ({}); "
                    + "the request was answered and the session kept as it was", e.getClass().getSimpleName());
        }
    }

    @Override
    public S findById(String id) {
        S session = delegate.findById(id);
        if (session != null) {
            readAs.put(session, id);
        }
        return session;
    }

    private boolean renamed(S session) {
        String id = readAs.get(session);
        return id != null && !id.equals(session.getId());
    }

    @Override
    public void deleteById(String id) {
        delegate.deleteById(id);
    }
}

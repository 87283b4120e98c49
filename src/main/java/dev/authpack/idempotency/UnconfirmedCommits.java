package dev.authpack.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Notes on the request when a transaction's COMMIT was sent and its success never confirmed: the connection
 * to the database was lost or timed out while the database was committing, so the write may be stored
 * although the request fails. A key whose request did that must not be freed for a retry (the retry would
 * do the write a second time: a second case, a second session given); {@link IdempotencyKeyFilter} marks it
 * "outcome unknown" instead. Once a commit went unconfirmed the note stays, whatever later transactions do;
 * a request that failed before any commit was sent, or whose commits were all confirmed, frees its key.
 */
@Component
class UnconfirmedCommits implements TransactionExecutionListener {

    private static final String ATTRIBUTE = UnconfirmedCommits.class.getName();

    /** A commit sent and not yet confirmed; one that never will be. */
    private enum State { PENDING, UNCONFIRMED }

    @Override
    public void beforeCommit(TransactionExecution transaction) {
        // still pending from an earlier commit: that one failed without telling this listener
        state(state() == null ? State.PENDING : State.UNCONFIRMED);
    }

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
        if (commitFailure != null) {
            state(State.UNCONFIRMED);
        } else if (state() == State.PENDING) {
            state(null);
        }
    }

    /** Whether a commit of {@code request} was sent and never confirmed. */
    static boolean in(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) != null;
    }

    private static State state() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? null : (State) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }

    private static void state(State state) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return; // a scheduled job: no request, no key
        }
        if (state == null) {
            request.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        } else {
            request.setAttribute(ATTRIBUTE, state, RequestAttributes.SCOPE_REQUEST);
        }
    }
}

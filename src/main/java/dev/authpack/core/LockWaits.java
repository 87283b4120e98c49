package dev.authpack.core;

import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Whether a failure was a wait for a row another transaction held that ran past the database's lock timeout,
 * wherever it was wrapped (a servlet or session filter wraps it on the way out). The web layer answers it
 * "Busy" and the sign-in audit records it; both ask here so that they agree on what counts.
 */
public final class LockWaits {

    private LockWaits() {
    }

    public static boolean gaveUp(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PessimisticLockingFailureException) {
                return true;
            }
        }
        return false;
    }
}

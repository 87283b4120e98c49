package dev.authpack.web;

/**
 * The answer to a request that gave up waiting for a row another transaction held (the database's lock timeout;
 * {@link dev.authpack.core.LockWaits} tells such a failure): 503 "Busy" with {@code Retry-After: 1}, the title
 * and wait the API answers a busy case with too ({@link ApiProblemHandler}). The row is usually free a moment
 * later; the request was not completed.
 */
final class HeldRow {

    static final int RETRY_AFTER_SECONDS = 1;
    static final String TITLE = "Busy";
    static final String DETAIL = "Another request was holding what this one needed, so it was not completed. "
            + "Send it again in a moment.";

    private HeldRow() {
    }
}

package dev.authpack.web;

/**
 * The heap budget for large bodies stayed too full for the whole bounded wait: the request is answered
 * busy (503 with {@code Retry-After}, or the page's "try again") before its body is read, nothing stored.
 */
public class LargeBodyBusyException extends RuntimeException {

    private final long retryAfterSeconds;

    LargeBodyBusyException(long retryAfterSeconds) {
        super("the memory budget for large uploads is in use");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

package dev.authpack.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The heap budget for large bodies stayed too full for the whole bounded wait: the request is answered
 * busy (503 with {@code Retry-After}, or the page's "try again") before its body is read, nothing stored.
 */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE) // where no handler names it (the admin policy page): 503, not 500
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

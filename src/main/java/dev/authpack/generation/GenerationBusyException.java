package dev.authpack.generation;

/**
 * Every generation thread is busy and the queue stayed full for the whole bounded wait: the caller
 * answers 503 with {@code Retry-After} rather than letting the request hang or time out.
 */
public class GenerationBusyException extends RuntimeException {

    private final long retryAfterSeconds;

    GenerationBusyException(long retryAfterSeconds) {
        super("document generation is at capacity");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

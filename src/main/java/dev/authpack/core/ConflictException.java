package dev.authpack.core;

/** The request was based on a stale version of the data (optimistic locking): answered 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}

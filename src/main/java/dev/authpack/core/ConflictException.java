package dev.authpack.core;

import java.util.Map;

/**
 * The request conflicts with the current state: a stale version (optimistic locking), or an action
 * the state does not allow (an event not allowed in the case's authorization status, a policy version
 * that exists already, an online backup of a database the service cannot back up). Answered 409 with
 * the title given here, so each conflict names its own cause, and extra problem members (such as the
 * {@code authStatus} and the {@code allowed} event types).
 */
public class ConflictException extends RuntimeException {

    private final String title;
    private final transient Map<String, Object> members;

    /** A case saved from a version that is no longer the stored one (optimistic locking). */
    public static ConflictException staleVersion(String detail) {
        return new ConflictException("Stale version", detail);
    }

    public ConflictException(String title, String detail) {
        this(title, detail, Map.of());
    }

    public ConflictException(String title, String detail, Map<String, Object> members) {
        super(detail);
        this.title = title;
        this.members = Map.copyOf(members);
    }

    public String title() {
        return title;
    }

    public Map<String, Object> members() {
        return members;
    }
}

package dev.authpack.core;

import java.util.Map;

/**
 * The request conflicts with the current state: a stale version (optimistic locking), or an action
 * the state does not allow (an event not allowed in the case's authorization status). Answered 409,
 * with extra problem members (such as the {@code authStatus} and the {@code allowed} event types).
 */
public class ConflictException extends RuntimeException {

    private final String title;
    private final transient Map<String, Object> members;

    public ConflictException(String detail) {
        this("Stale version", detail, Map.of());
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

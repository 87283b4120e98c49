package dev.authpack.core;

import java.util.Map;

/**
 * Well-formed input that cannot be acted on as asked, e.g. a packet for an incomplete case:
 * answered 422, with extra problem members (such as the completeness {@code report}).
 */
public class UnprocessableException extends RuntimeException {

    private final String title;
    private final transient Map<String, Object> members;

    public UnprocessableException(String title, String detail, Map<String, Object> members) {
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

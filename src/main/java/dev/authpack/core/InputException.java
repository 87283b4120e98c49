package dev.authpack.core;

import java.util.List;

/** Input that breaks the contract's input rules: answered 400 with one entry per problem. */
public class InputException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InputException(List<FieldProblem> problems) {
        super(problems.size() + " input problem(s)");
        this.problems = List.copyOf(problems);
    }

    public InputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}

package dev.authpack.core;

/**
 * One problem with one input field. {@code field} uses the contract's JSON path notation
 * ({@code medicationTrials[1].endDate}), which is also how the web form names its inputs, so an API
 * error and a form error point at the same thing.
 */
public record FieldProblem(String field, String message) {
}

package dev.authpack.audit;

import dev.authpack.core.FieldProblem;
import dev.authpack.core.InputException;
import dev.authpack.core.ShortReference;
import dev.authpack.core.TypedText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Turns the filter parameters of the API and the admin page into a query, or a 400 naming each bad one. */
final class AuditQueryParams {

    private AuditQueryParams() {
    }

    static AuditQuery parse(String user, String caseId, String documentId, String action, String lists, String from,
                            String to, String page, String size) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate fromDate = date("from", from, problems);
        LocalDate toDate = date("to", to, problems);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            problems.add(new FieldProblem("to", "must not be before from"));
        }
        if (caseId != null && !caseId.isBlank() && !isUuid(caseId.strip()) && !isReference(caseId.strip())) {
            problems.add(new FieldProblem("case", "must be a case id (a UUID such as 3f2b…-…) or its first "
                    + ShortReference.LENGTH + " characters, as the log shows it"));
        }
        if (documentId != null && !documentId.isBlank() && !isUuid(documentId.strip())
                && !isReference(documentId.strip())) {
            problems.add(new FieldProblem("document", "must be a document or attachment id (a UUID such as 3f2b…-…) "
                    + "or its first " + ShortReference.LENGTH + " characters, as the log shows it"));
        }
        if (user != null && !TypedText.isTypeable(user)) {
            // no user name holds one, and PostgreSQL cannot even compare a NUL (a 500 there, an empty page on H2)
            problems.add(new FieldProblem("user", TypedText.PROBLEM));
        }
        if (action != null && !action.isBlank() && Arrays.stream(AuditAction.values()).noneMatch(a -> a.name().equals(action.strip()))) {
            problems.add(new FieldProblem("action", "is not an audit action (docs/security.md lists them)"));
        }
        ListReads listReads = lists == null || lists.isBlank() ? ListReads.INCLUDE
                : ListReads.ofParameter(lists.strip());
        if (listReads == null) {
            problems.add(new FieldProblem("lists", "must be include (all events), exclude (all but list reads) or only "
                    + "(list reads only)"));
        }
        int pageNo = number("page", page, 0, 0, Integer.MAX_VALUE / AuditQuery.MAX_SIZE, problems);
        int pageSize = number("size", size, AuditQuery.DEFAULT_SIZE, 1, AuditQuery.MAX_SIZE, problems);
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new AuditQuery(user, lowerCase(caseId), lowerCase(documentId), action, listReads, fromDate, toDate,
                pageNo, pageSize);
    }

    /** Ids are stored in lower case ({@link java.util.UUID#toString}, {@link RequestedIds}): a pasted id may not be. */
    private static String lowerCase(String id) {
        return id == null ? null : id.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The case or document reference the log's lines show ({@link AuditLines#shortId}): searched as the ids it
     * starts.
     */
    static boolean isReference(String value) {
        return value.length() == ShortReference.LENGTH && value.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static LocalDate date(String name, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(name, "must be an ISO date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static int number(String name, String value, int fallback, int min, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range number
        }
        problems.add(new FieldProblem(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }
}

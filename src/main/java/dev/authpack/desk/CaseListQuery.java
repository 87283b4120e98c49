package dev.authpack.desk;

import dev.authpack.casefile.CaseStatus;
import dev.authpack.casefile.Patient;
import dev.authpack.casefile.StoredCase;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the case list shows: search text (a part of the name, a member id, or a birth date typed as
 * 1980-02-03 or 02/03/1980), status, sort column and direction, page. The search text arrives by
 * POST and is kept in the session, never in a URL; the rest holds no patient data and is a plain
 * query string.
 */
record CaseListQuery(String search, CaseStatus status, Sort sort, boolean ascending, int page) {

    static final int PAGE_SIZE = 25;
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu");

    /** Sortable columns; the list's default is the last change, newest first. */
    enum Sort {
        PATIENT(r -> key(r.patient().lastName()) + "\u0000" + key(r.patient().firstName())),
        BIRTH(r -> r.patient().dateOfBirth() == null ? "" : r.patient().dateOfBirth().toString()),
        PAYER(r -> key(r.payer())),
        START(r -> r.requestedStart() == null ? "" : r.requestedStart().toString()),
        UPDATED(r -> r.updatedAt().toString());

        private final Function<CaseRow, String> key;

        Sort(Function<CaseRow, String> key) {
            this.key = key;
        }

        static Sort of(String text) {
            for (Sort s : values()) {
                if (s.name().equalsIgnoreCase(text)) {
                    return s;
                }
            }
            return UPDATED;
        }
    }

    boolean matches(CaseRow row) {
        if (status != null && row.status() != status) {
            return false;
        }
        String needle = search == null ? "" : search.strip();
        if (needle.isEmpty()) {
            return true;
        }
        LocalDate date = date(needle);
        if (date != null) {
            return date.equals(row.patient().dateOfBirth());
        }
        String lower = needle.toLowerCase(Locale.ROOT);
        return key(row.patientName()).contains(lower) || memberKey(row.patient().memberId()).contains(memberKey(needle))
                && !memberKey(needle).isEmpty();
    }

    Comparator<CaseRow> comparator() {
        Comparator<CaseRow> by = Comparator.comparing(sort.key);
        return (ascending ? by : by.reversed()).thenComparing(r -> r.id().toString());
    }

    /** The rows of this page, with the counts the page shows. */
    Page<CaseRow> page(List<StoredCase> cases, java.util.function.Predicate<CaseRow> alsoMatches) {
        List<CaseRow> found = cases.stream().map(CaseRow::of).filter(this::matches).filter(alsoMatches)
                .sorted(comparator()).toList();
        int pages = Math.max(1, (found.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        int from = (current - 1) * PAGE_SIZE;
        return new Page<>(found.subList(from, Math.min(found.size(), from + PAGE_SIZE)), found.size(), current, pages);
    }

    record Page<T>(List<T> rows, int total, int number, int pages) {
    }

    static LocalDate date(String text) {
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, US_DATE)) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException e) {
                // not this format
            }
        }
        return null;
    }

    private static String key(String text) {
        return Objects.toString(text, "").toLowerCase(Locale.ROOT);
    }

    /** Member ids are compared without spaces, dashes and case, as they are read out over the phone. */
    private static String memberKey(String text) {
        return Objects.toString(text, "").replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    /** One line of the list; the columns a later feature adds (authorization status) go here. */
    record CaseRow(java.util.UUID id, String patientName, Patient patient, String payer, String policyId,
                   LocalDate requestedStart, CaseStatus status, boolean complete, java.time.Instant updatedAt) {

        static CaseRow of(StoredCase c) {
            String name = c.data().patient().fullName();
            return new CaseRow(c.id(), name.isEmpty() ? null : name, c.data().patient(),
                    c.data().coverage().payerName(), c.data().policyId(), c.data().request().startDate(), c.status(),
                    c.complete(), c.updatedAt());
        }
    }
}

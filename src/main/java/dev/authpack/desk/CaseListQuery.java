package dev.authpack.desk;

import dev.authpack.casefile.CaseStatus;
import dev.authpack.casefile.CaseListing;
import dev.authpack.casefile.PatientNameKey;
import dev.authpack.casefile.PatientSearch;
import dev.authpack.casefile.PatientSortKey;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the case list shows: search text (a part of the name, a member id, or a birth date typed as
 * 1980-02-03 or 02/03/1980, found by {@link PatientSearch}, as Recent documents finds them), status, sort
 * column and direction, page. The search text arrives by POST and is kept in the session, never in a
 * URL; the rest holds no patient data and is a plain query string.
 */
record CaseListQuery(String search, CaseStatus status, Sort sort, boolean ascending, int page) {

    static final int PAGE_SIZE = 25;

    /** Sortable columns; the list's default is the last change, newest first. */
    enum Sort {
        PATIENT(Comparator.comparing((CaseListing r) -> PatientSortKey.of(r.firstName(), r.lastName()))),
        BIRTH(Comparator.comparing(CaseListing::dateOfBirth, Comparator.nullsFirst(Comparator.naturalOrder()))),
        PAYER(Comparator.comparing(r -> key(r.payerName()))),
        START(Comparator.comparing(CaseListing::requestedStart, Comparator.nullsFirst(Comparator.naturalOrder()))),
        UPDATED(Comparator.comparing(CaseListing::updatedAt));

        private final Comparator<CaseListing> order;

        Sort(Comparator<CaseListing> order) {
            this.order = order;
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

    boolean matches(CaseListing row) {
        return matches(row, PatientSearch.of(search));
    }

    private boolean matches(CaseListing row, PatientSearch patient) {
        return (status == null || row.status() == status) && patient.matches(row);
    }

    Comparator<CaseListing> comparator() {
        return (ascending ? sort.order : sort.order.reversed()).thenComparing(r -> r.id().toString());
    }

    /** The rows of this page, with the counts the page shows. */
    Page<CaseListing> page(List<CaseListing> cases, java.util.function.Predicate<CaseListing> alsoMatches) {
        PatientSearch patient = PatientSearch.of(search); // read once, not once a row
        List<CaseListing> found = cases.stream().filter(r -> matches(r, patient)).filter(alsoMatches)
                .sorted(comparator()).toList();
        int pages = Math.max(1, (found.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        int from = (current - 1) * PAGE_SIZE;
        return new Page<>(found.subList(from, Math.min(found.size(), from + PAGE_SIZE)), found.size(), current, pages);
    }

    record Page<T>(List<T> rows, int total, int number, int pages) {
    }

    /** Names are found and sorted by their letters, not their case or accents ("ibanez" finds "Ibáñez"). */
    private static String key(String text) {
        return PatientNameKey.of(Objects.toString(text, ""));
    }
}

package dev.authpack.authorization;

import dev.authpack.casefile.PatientSortKey;
import dev.authpack.core.InputException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A clerk's chosen order for one worklist list: by due date or by patient, either way round. The
 * other lists keep the contract's order (waiting: oldest first; appeals: soonest deadline first).
 */
record WorklistSort(String list, String key, boolean descending) {

    static final List<String> KEYS = List.of("due", "patient");

    /** The sort a request asks for; null when it asks for none. Bad values are a 400 naming the parameter. */
    static WorklistSort parse(String list, String key, String dir) {
        if (blank(list) && blank(key) && blank(dir)) {
            return null;
        }
        if (blank(list)) {
            // sort and dir order one list; the answer always holds all five
            throw new InputException("list", "is required with sort or dir: name the list to order, one of "
                    + String.join(", ", Worklist.LISTS));
        }
        if (!Worklist.LISTS.contains(list.strip())) {
            throw new InputException("list", "must be one of " + String.join(", ", Worklist.LISTS));
        }
        String k = blank(key) ? "due" : key.strip().toLowerCase(Locale.ROOT);
        if (!KEYS.contains(k)) {
            throw new InputException("sort", "must be one of " + String.join(", ", KEYS));
        }
        String d = blank(dir) ? "asc" : dir.strip().toLowerCase(Locale.ROOT);
        if (!d.equals("asc") && !d.equals("desc")) {
            throw new InputException("dir", "must be asc or desc");
        }
        return new WorklistSort(list.strip(), k, d.equals("desc"));
    }

    Worklist apply(Worklist w) {
        // an item without a date or a name goes last either way round: reversing the whole order would put
        // the cases a clerk can do least about at the top of the list. Names by their key (last name, then first
        // name, as the case list sorts), worked out once per case before, not on each comparison (WorkItem).
        Comparator<PatientSortKey> names = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        Comparator<LocalDate> dates = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        // ties: two patients of one name by the sooner date, two items due the same day by name, as a
        // clerk reading down the list expects; the case id only makes the order total
        Comparator<WorkItem> order = key.equals("patient")
                ? Comparator.comparing(WorkItem::nameOrder, Comparator.nullsLast(names))
                        .thenComparing(WorkItem::due, Comparator.nullsLast(Comparator.naturalOrder()))
                : Comparator.comparing(WorkItem::due, Comparator.nullsLast(dates)).thenComparing(WorkItem.BY_PATIENT);
        List<WorkItem> sorted = w.list(list).stream().sorted(order.thenComparing(WorkItem::caseId)).toList();
        return new Worklist(w.asOf(), pick("readyToSubmit", sorted, w), pick("waitingOnPayer", sorted, w),
                pick("renewSoon", sorted, w), pick("appealDue", sorted, w), pick("expired", sorted, w));
    }

    private List<WorkItem> pick(String name, List<WorkItem> sorted, Worklist w) {
        return name.equals(list) ? sorted : w.list(name);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

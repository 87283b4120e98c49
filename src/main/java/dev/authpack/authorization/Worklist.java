package dev.authpack.authorization;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What needs the billing desk's attention today, list by list, with a count per list. */
record Worklist(LocalDate asOf, Map<String, Integer> counts, List<WorkItem> readyToSubmit,
                       List<WorkItem> waitingOnPayer, List<WorkItem> renewSoon, List<WorkItem> appealDue,
                       List<WorkItem> expired) {

    /** The list names, in the order the page shows them. */
    public static final List<String> LISTS = List.of("readyToSubmit", "waitingOnPayer", "renewSoon", "appealDue",
            "expired");

    public Worklist(LocalDate asOf, List<WorkItem> readyToSubmit, List<WorkItem> waitingOnPayer,
                    List<WorkItem> renewSoon, List<WorkItem> appealDue, List<WorkItem> expired) {
        this(asOf, counts(readyToSubmit, waitingOnPayer, renewSoon, appealDue, expired), readyToSubmit,
                waitingOnPayer, renewSoon, appealDue, expired);
    }

    public List<WorkItem> list(String name) {
        return switch (name) {
            case "readyToSubmit" -> readyToSubmit;
            case "waitingOnPayer" -> waitingOnPayer;
            case "renewSoon" -> renewSoon;
            case "appealDue" -> appealDue;
            case "expired" -> expired;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The first {@code n} items of each list, in its order; the counts stay the whole lists' ({@code ?limit=n}). */
    Worklist first(int n) {
        return new Worklist(asOf, counts, head(readyToSubmit, n), head(waitingOnPayer, n), head(renewSoon, n),
                head(appealDue, n), head(expired, n));
    }

    private static List<WorkItem> head(List<WorkItem> items, int n) {
        return items.subList(0, Math.min(n, items.size()));
    }

    @SafeVarargs
    private static Map<String, Integer> counts(List<WorkItem>... lists) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < lists.length; i++) {
            counts.put(LISTS.get(i), lists[i].size());
        }
        return counts;
    }
}

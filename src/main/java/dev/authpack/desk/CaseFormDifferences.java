package dev.authpack.desk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields in which two versions of a case differ, each a form path with both values as the form
 * shows them ({@link CaseFormTree}). Used when a save is refused because someone else saved first:
 * the clerk is told which fields their form would change in the version now stored.
 */
final class CaseFormDifferences {

    /** One field that differs; an absent value is the empty text, as an empty input is. */
    record Difference(String path, String yours, String saved) {
    }

    private CaseFormDifferences() {
    }

    /**
     * The fields whose values differ, in the order of {@code yours} and then of any field only
     * {@code saved} has. A blank input and a missing value are the same (the form leaves blanks out
     * of the case), and numbers that differ only in how they are written ({@code 150} and
     * {@code 150.00}) are the same amount, so neither is reported as a change nobody made.
     */
    static List<Difference> between(Map<String, String> yours, Map<String, String> saved) {
        Set<String> paths = new LinkedHashSet<>(yours.keySet());
        paths.addAll(saved.keySet());
        List<Difference> out = new ArrayList<>();
        for (String path : paths) {
            String mine = yours.getOrDefault(path, "").strip();
            String theirs = saved.getOrDefault(path, "").strip();
            if (!same(mine, theirs)) {
                out.add(new Difference(path, mine, theirs));
            }
        }
        return out;
    }

    private static boolean same(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        return x != null && y != null && x.compareTo(y) == 0;
    }

    private static BigDecimal number(String text) {
        // only plain decimals: a phone, an NPI with a leading zero or a date stays text
        if (!text.matches("-?\\d{1,15}(\\.\\d{1,15})?") || text.matches("-?0\\d.*")) {
            return null;
        }
        return new BigDecimal(text);
    }
}

package dev.authpack.fhir;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the drug catalog's name at the start of a coding display, so that an RxNorm display such as
 * "sertraline 100 MG Oral Tablet" counts as the catalog's sertraline (its class, its minimum dose). No
 * RxNorm table is reachable (docs/fhir.md), so the display's words are all there is: a catalog name must
 * open the display as whole words, case aside, the longest name first ("venlafaxine ER" before
 * "venlafaxine"); a display that also names another catalog drug, or a combination ("A 10 MG / B 5 MG"),
 * is ambiguous and keeps its own wording.
 */
final class CatalogDrugs {

    private final List<String> longestFirst;

    CatalogDrugs(List<String> names) {
        this.longestFirst = names.stream().map(String::strip).filter(n -> !n.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** The catalog's name for the drug a display opens with; empty when none does or the display is ambiguous. */
    Optional<String> openingName(String display) {
        if (display == null || display.contains(" / ")) {
            return Optional.empty();
        }
        String text = display.strip();
        Optional<String> found = longestFirst.stream().filter(n -> wordsAt(text, n, true)).findFirst();
        // another catalog drug named further on (not a shorter name inside the one found) makes it ambiguous
        boolean other = found.isPresent() && longestFirst.stream()
                .filter(n -> !found.get().toLowerCase(Locale.ROOT).contains(n.toLowerCase(Locale.ROOT)))
                .anyMatch(n -> wordsAt(text.substring(found.get().length()), n, false));
        return other ? Optional.empty() : found;
    }

    private static boolean wordsAt(String text, String name, boolean atStart) {
        return Pattern.compile((atStart ? "^" : "(?<![\\p{L}\\p{N}])") + Pattern.quote(name) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
    }
}
